package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Activate a draft subscription (the installer, at the customer's home): it becomes effective, and its services are
 * billed from the activation date, not from the date of the draft.
 */
public record ActivateSubscription(@TargetAggregateIdentifier String subscriptionId,
                                   LocalDate actionDate,
                                   ActionClassification classification) {
}
