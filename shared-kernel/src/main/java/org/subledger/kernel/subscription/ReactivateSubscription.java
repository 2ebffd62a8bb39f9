package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Reactivate a deactivated subscription, e.g. once its account has settled its balance. */
public record ReactivateSubscription(@TargetAggregateIdentifier String subscriptionId,
                                     LocalDate actionDate,
                                     ActionClassification classification) {
}
