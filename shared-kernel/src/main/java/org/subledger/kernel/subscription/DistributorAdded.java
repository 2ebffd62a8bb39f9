package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Set;

/** A distributor (device) was added to the subscription, with the services (product codes) now available on it. */
@Revision("1")
public record DistributorAdded(String subscriptionId,
                               Distributor distributor,
                               Set<String> services,
                               LocalDate addedOn,
                               SubscriptionAction action) implements SubscriptionEvent {

    public DistributorAdded {
        services = Set.copyOf(services == null ? Set.of() : services);
    }
}
