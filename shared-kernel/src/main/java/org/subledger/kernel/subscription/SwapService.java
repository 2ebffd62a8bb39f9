package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Replace a service of a subscription by another (an upgrade, a downgrade). The replacement keeps the distributors of
 * the service it replaces unless it names its own.
 */
public record SwapService(@TargetAggregateIdentifier String subscriptionId,
                          String productCode,
                          SubscriptionService replacement,
                          LocalDate actionDate,
                          ActionClassification classification) {
}
