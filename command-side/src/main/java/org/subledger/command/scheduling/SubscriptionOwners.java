package org.subledger.command.scheduling;

/**
 * The unit that owns a subscription, as its own history records it ({@code null}: of no unit, or unknown): who may
 * schedule an action on it is decided like who may act on it now.
 */
@FunctionalInterface
public interface SubscriptionOwners {
    String owningUnitOf(String subscriptionId);
}
