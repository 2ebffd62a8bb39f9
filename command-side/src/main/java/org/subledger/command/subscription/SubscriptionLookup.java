package org.subledger.command.subscription;

import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;

import java.util.Optional;

/**
 * What a subscription's command handlers may read of other aggregates, consistently: the owning account and the
 * catalog entries, straight from the event store (never from a projection). Injected as a handler parameter.
 */
interface SubscriptionLookup {

    Optional<AccountFacts> account(String accountId);

    Optional<SubscriptionTypeDefinition> subscriptionType(String code);

    Optional<BillingTermSchemeDefinition> billingTermScheme(String code);

    Optional<PricePlanDefinition> pricePlan(String code);

    Optional<ProductDefinition> product(String code);

    Optional<ProductTypeDefinition> productType(String code);

    /** The type of an existing product. */
    default Optional<ProductTypeDefinition> typeOfProduct(String productCode) {
        return product(productCode).flatMap(product -> productType(product.productTypeCode()));
    }
}
