package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Remove a service from a subscription: it is no longer provided nor billed from the action date. */
public record RemoveService(@TargetAggregateIdentifier String subscriptionId,
                            String productCode,
                            LocalDate actionDate,
                            ActionClassification classification) {
}
