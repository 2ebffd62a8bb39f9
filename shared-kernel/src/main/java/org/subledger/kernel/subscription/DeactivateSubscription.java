package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Deactivate (disconnect) an effective subscription, e.g. for an unsettled balance or a bad credit rating. */
public record DeactivateSubscription(@TargetAggregateIdentifier String subscriptionId,
                                     LocalDate actionDate,
                                     ActionClassification classification) {
}
