package org.subledger.kernel.subscription.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A service effective on a subscription, as the read model has it: the product, its bundle components, the
 * distributors (devices) it is available on and so its quantity, its effective, billable-period-start and
 * billing-effective dates, and how far its provisioning to the provider got ({@code PENDING} until provisioned).
 */
public record SubscribedService(String subscriptionId,
                                String productCode,
                                List<String> components,
                                Set<String> distributorIds,
                                int quantity,
                                LocalDate effectiveDate,
                                LocalDate billablePeriodStartDate,
                                LocalDate billingEffectiveDate,
                                String provisioningState) {
    public SubscribedService {
        components = List.copyOf(components == null ? List.of() : components);
        distributorIds = Set.copyOf(distributorIds == null ? Set.of() : distributorIds);
    }
}
