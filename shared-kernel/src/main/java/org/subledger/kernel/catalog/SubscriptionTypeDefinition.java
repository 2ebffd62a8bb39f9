package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;
import java.util.List;

/**
 * An offering: the billing term schemes, provisioning providers and products a subscription of this type may use.
 * Only users of the allowed organisational units (or of units collaborating with them, or super users) may select
 * it when creating a subscription (none listed: everybody).
 */
public record SubscriptionTypeDefinition(String code,
                                         @Name String name,
                                         List<String> allowedBillingTermSchemes,
                                         List<String> allowedProviders,
                                         List<String> allowedProducts,
                                         List<String> allowedOrganisationalUnits) {

    public SubscriptionTypeDefinition {
        allowedBillingTermSchemes = List.copyOf(allowedBillingTermSchemes == null ? List.of()
                : allowedBillingTermSchemes);
        allowedProviders = List.copyOf(allowedProviders == null ? List.of() : allowedProviders);
        allowedProducts = List.copyOf(allowedProducts == null ? List.of() : allowedProducts);
        allowedOrganisationalUnits = List.copyOf(allowedOrganisationalUnits == null ? List.of()
                : allowedOrganisationalUnits);
    }

    /** A type open to every unit. */
    public SubscriptionTypeDefinition(String code, String name, List<String> allowedBillingTermSchemes,
                                      List<String> allowedProviders, List<String> allowedProducts) {
        this(code, name, allowedBillingTermSchemes, allowedProviders, allowedProducts, List.of());
    }
}
