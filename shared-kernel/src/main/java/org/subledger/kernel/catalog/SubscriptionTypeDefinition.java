package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;
import java.util.List;

/** An offering: the billing term schemes, provisioning providers and products a subscription of this type may use. */
public record SubscriptionTypeDefinition(String code,
                                         @Name String name,
                                         List<String> allowedBillingTermSchemes,
                                         List<String> allowedProviders,
                                         List<String> allowedProducts) {

    public SubscriptionTypeDefinition {
        allowedBillingTermSchemes = List.copyOf(allowedBillingTermSchemes == null ? List.of()
                : allowedBillingTermSchemes);
        allowedProviders = List.copyOf(allowedProviders == null ? List.of() : allowedProviders);
        allowedProducts = List.copyOf(allowedProducts == null ? List.of() : allowedProducts);
    }
}
