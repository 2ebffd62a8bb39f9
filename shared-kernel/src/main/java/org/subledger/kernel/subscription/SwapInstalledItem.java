package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Replace an installed item of a subscription by another one (e.g. a faulty decoder exchanged). */
public record SwapInstalledItem(@TargetAggregateIdentifier String subscriptionId,
                                String serialNumber,
                                InstalledItem replacement,
                                LocalDate actionDate,
                                ActionClassification classification) {
}
