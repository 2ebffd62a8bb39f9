package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Add a termed service to a subscription, on the distributors it is to be available on (at least one once the
 * subscription is effective).
 */
public record AddService(@TargetAggregateIdentifier String subscriptionId,
                         SubscriptionService service,
                         LocalDate actionDate,
                         ActionClassification classification) {
}
