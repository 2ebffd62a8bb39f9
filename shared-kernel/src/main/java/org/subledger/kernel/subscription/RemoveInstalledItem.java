package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Take an installed item off a subscription. */
public record RemoveInstalledItem(@TargetAggregateIdentifier String subscriptionId,
                                  String serialNumber,
                                  LocalDate actionDate,
                                  ActionClassification classification) {
}
