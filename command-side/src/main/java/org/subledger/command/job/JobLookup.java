package org.subledger.command.job;

import org.subledger.command.subscription.AccountFacts;
import org.subledger.kernel.catalog.ActivityTypeDefinition;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.JobTypeDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;

import java.util.Optional;

/**
 * What a job's command handlers may read of other aggregates, consistently: the owning account and the catalog
 * entries, straight from the event store (never from a projection). Injected as a handler parameter.
 */
interface JobLookup {

    Optional<AccountFacts> account(String accountId);

    Optional<JobTypeDefinition> jobType(String code);

    Optional<ActivityTypeDefinition> activityType(String code);

    Optional<BillingTermSchemeDefinition> billingTermScheme(String code);

    Optional<PricePlanDefinition> pricePlan(String code);

    Optional<ProductDefinition> product(String code);

    Optional<ProductTypeDefinition> productType(String code);

    /** An additive discount definition as last defined (job discounts are added from them). */
    Optional<AdditiveDiscountDefinition> additiveDiscount(String code);

    /** The account a subscription belongs to, as its creation records it; empty when there is no such subscription. */
    Optional<String> accountOfSubscription(String subscriptionId);

    /** The type of an existing product. */
    default Optional<ProductTypeDefinition> typeOfProduct(String productCode) {
        return product(productCode).flatMap(product -> productType(product.productTypeCode()));
    }
}
