package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A draft subscription was activated and is effective; {@code services} are its services as billed from now on, their
 * effective, billable period start and billing effective dates moved to the activation date.
 */
@Revision("1")
public record SubscriptionActivated(String subscriptionId,
                                    LocalDate activatedOn,
                                    List<SubscriptionService> services,
                                    SubscriptionAction action) implements SubscriptionEvent {

    public SubscriptionActivated {
        services = List.copyOf(services == null ? List.of() : services);
    }
}
