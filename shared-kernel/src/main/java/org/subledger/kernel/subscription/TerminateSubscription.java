package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Terminate a subscription for good. Before the binding end date, the early-termination penalty of its billing terms is
 * due.
 */
public record TerminateSubscription(@TargetAggregateIdentifier String subscriptionId,
                                    LocalDate actionDate,
                                    ActionClassification classification) {
}
