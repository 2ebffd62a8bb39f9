package org.subledger.kernel.subscription;

/**
 * How the operator classifies a subscription action it asks for, all optional: the business classification code
 * (e.g. to tell the addition of prepaid services from that of normal ones), and the configurable subscription action
 * type and sub-action type. The behaviour code is implied by the command itself.
 */
public record ActionClassification(String businessClassificationCode, String actionType, String subActionType) {

    /** An action with no classification: only its behaviour code counts. */
    public static ActionClassification none() {
        return new ActionClassification(null, null, null);
    }
}
