package org.subledger.kernel.subscription;

/**
 * The subscription action an event resulted from: its behaviour code, and the optional business classification
 * code and configurable action / sub-action types it was classified with. Carried by every subscription event, so
 * event-based billing policies and reports can tell business activities apart.
 */
public record SubscriptionAction(BehaviourCode behaviourCode,
                                 String businessClassificationCode,
                                 String actionType,
                                 String subActionType) {

    /** The action of the given behaviour, classified as requested ({@code null}: unclassified). */
    public static SubscriptionAction of(BehaviourCode behaviourCode, ActionClassification classification) {
        var given = classification == null ? ActionClassification.none() : classification;
        return new SubscriptionAction(behaviourCode, blankToNull(given.businessClassificationCode()),
                blankToNull(given.actionType()), blankToNull(given.subActionType()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
