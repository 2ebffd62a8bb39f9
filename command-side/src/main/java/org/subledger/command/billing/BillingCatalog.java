package org.subledger.command.billing;

import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What billing reads of the catalog: definitions and the rate in force, as recorded in the event store (never a
 * projection). A bill run reads it through a memo, so the catalog is read once per run, not once per subscription.
 */
public interface BillingCatalog {

    Optional<PricePlanDefinition> pricePlan(String code);

    /**
     * The rate of a product in a price plan in force on a date: the plan's own version, else (for a conditional
     * plan) its base plan's.
     */
    Optional<Rate> rateInForce(String pricePlanCode, String productCode, LocalDate on);

    Optional<ProductDefinition> product(String code);

    Optional<ProductTypeDefinition> productType(String code);

    Optional<BillingTermSchemeDefinition> billingTermScheme(String code);

    /** An additive discount definition as last defined (an ad hoc discount on a bill names its definition). */
    Optional<AdditiveDiscountDefinition> additiveDiscount(String code);

    /**
     * Every additive discount definition billing applies by itself: EFFECTIVE, AUTO_APPLY, for SUBSCRIPTIONS, in
     * code order. Whether each holds for a subscription (validity, duration, criteria) is the bill's to decide.
     */
    List<AdditiveDiscountDefinition> autoApplyDiscounts();
}
