package org.subledger.command.catalog;

import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;

import java.util.Optional;

/**
 * What a catalog command handler may read of other catalog entries, consistently: straight from their aggregates
 * in the event store (never from a projection).
 */
interface CatalogLookup {

    Optional<ProductTypeDefinition> productType(String code);

    Optional<ProductDefinition> product(String code);

    /** The type of an existing product. */
    default Optional<ProductTypeDefinition> typeOfProduct(String productCode) {
        return product(productCode).flatMap(product -> productType(product.productTypeCode()));
    }

    Optional<PricePlanDefinition> pricePlan(String code);

    boolean providerExists(String code);

    boolean billingTermSchemeExists(String code);

    Optional<BillingTermSchemeDefinition> billingTermScheme(String code);

    boolean subscriptionTypeExists(String code);
}
