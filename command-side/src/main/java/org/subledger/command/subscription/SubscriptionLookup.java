package org.subledger.command.subscription;

import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a subscription's command handlers may read of other aggregates, consistently: the owning account and the
 * catalog entries, straight from the event store (never from a projection). Injected as a handler parameter.
 */
public interface SubscriptionLookup {

    Optional<AccountFacts> account(String accountId);

    Optional<SubscriptionTypeDefinition> subscriptionType(String code);

    Optional<BillingTermSchemeDefinition> billingTermScheme(String code);

    Optional<PricePlanDefinition> pricePlan(String code);

    Optional<ProductDefinition> product(String code);

    Optional<ProductTypeDefinition> productType(String code);

    /** An additive discount definition as last defined (created or amended). */
    Optional<AdditiveDiscountDefinition> additiveDiscount(String code);

    /** Every usage catalog, as last defined, that lists the usage service (whatever its validity). */
    List<UsageCatalogDefinition> usageCatalogsOffering(String productCode);

    /** The product's rate in the price plan on that date (a conditional plan falls back to its base plan). */
    Optional<Rate> rateInForce(String pricePlanCode, String productCode, LocalDate on);

    /** The type of an existing product. */
    default Optional<ProductTypeDefinition> typeOfProduct(String productCode) {
        return product(productCode).flatMap(product -> productType(product.productTypeCode()));
    }
}
