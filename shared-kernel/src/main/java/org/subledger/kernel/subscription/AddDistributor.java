package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Set;

/** Add a distributor (a device) to a subscription and make the named services (product codes) available on it. */
public record AddDistributor(@TargetAggregateIdentifier String subscriptionId,
                             Distributor distributor,
                             Set<String> services,
                             LocalDate actionDate,
                             ActionClassification classification) {
}
