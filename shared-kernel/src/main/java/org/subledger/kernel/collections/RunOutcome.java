package org.subledger.kernel.collections;

/**
 * What a run did to one subscription: deactivated or reactivated it ({@code acted}), or was refused, with the
 * refusal's stable error code and message (e.g. the subscription was no longer effective).
 */
public record RunOutcome(String subscriptionId, boolean acted, String code, String message) {

    public static RunOutcome acted(String subscriptionId) {
        return new RunOutcome(subscriptionId, true, null, null);
    }

    public static RunOutcome refused(String subscriptionId, String code, String message) {
        return new RunOutcome(subscriptionId, false, code, message);
    }
}
