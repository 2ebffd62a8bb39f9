package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Remove a distributor (a device) from a subscription: its services are no longer provided on it. */
public record RemoveDistributor(@TargetAggregateIdentifier String subscriptionId,
                                String distributorId,
                                LocalDate actionDate,
                                ActionClassification classification) {
}
