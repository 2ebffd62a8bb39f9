package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Add an installed item (a traceable physical good, by its serial number) to a subscription. */
public record AddInstalledItem(@TargetAggregateIdentifier String subscriptionId,
                               InstalledItem item,
                               LocalDate actionDate,
                               ActionClassification classification) {
}
