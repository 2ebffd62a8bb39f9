package org.subledger.kernel.subscription;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A termed service on a subscription: a product its subscription type allows, with its components when it is a
 * bundle (a fixed bundle's from the catalog, a flexible bundle's as chosen by the customer within the bundle's
 * rules). {@code effectiveDate}: when the service became (or becomes, on activation of a draft) effective;
 * {@code billablePeriodStartDate}: from when billing considers it; {@code billingEffectiveDate}: when it starts
 * being billed. {@code distributorIds}: the subscription's distributors (devices) the service is available on;
 * their number is the service's quantity for quantity-based rates.
 *
 * <p>In a command, the dates may be left out for the action date, and a fixed bundle's components are filled in
 * from the catalog.
 */
public record SubscriptionService(String productCode,
                                  List<String> components,
                                  LocalDate effectiveDate,
                                  LocalDate billablePeriodStartDate,
                                  LocalDate billingEffectiveDate,
                                  Set<String> distributorIds) {

    public SubscriptionService {
        components = List.copyOf(components == null ? List.of() : components);
        distributorIds = Set.copyOf(distributorIds == null ? Set.of() : distributorIds);
    }

    /** How many distributors the service is provided on: its quantity for quantity-based rates. */
    public int quantity() {
        return distributorIds.size();
    }
}
