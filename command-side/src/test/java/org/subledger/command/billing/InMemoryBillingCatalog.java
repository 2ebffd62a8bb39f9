package org.subledger.command.billing;

import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A catalog held in memory, built from the kernel's own definition records; price versions by effective date. */
final class InMemoryBillingCatalog implements BillingCatalog {

    private final Map<String, PricePlanDefinition> plans = new HashMap<>();
    private final Map<String, ProductDefinition> products = new HashMap<>();
    private final Map<String, ProductTypeDefinition> productTypes = new HashMap<>();
    private final Map<String, BillingTermSchemeDefinition> schemes = new HashMap<>();
    private final List<PriceVersion> versions = new ArrayList<>();
    private final Map<String, AdditiveDiscountDefinition> discounts = new java.util.TreeMap<>();

    private record PriceVersion(String planCode, String productCode, LocalDate effectiveFrom, Rate rate) {
    }

    InMemoryBillingCatalog plan(PricePlanDefinition plan) {
        plans.put(plan.code(), plan);
        return this;
    }

    InMemoryBillingCatalog product(ProductDefinition product) {
        products.put(product.code(), product);
        return this;
    }

    InMemoryBillingCatalog productType(ProductTypeDefinition type) {
        productTypes.put(type.code(), type);
        return this;
    }

    InMemoryBillingCatalog scheme(BillingTermSchemeDefinition scheme) {
        schemes.put(scheme.code(), scheme);
        return this;
    }

    InMemoryBillingCatalog discount(AdditiveDiscountDefinition discount) {
        discounts.put(discount.code(), discount);
        return this;
    }

    InMemoryBillingCatalog rate(String planCode, String productCode, LocalDate effectiveFrom, Rate rate) {
        versions.add(new PriceVersion(planCode, productCode, effectiveFrom, rate));
        return this;
    }

    @Override
    public Optional<PricePlanDefinition> pricePlan(String code) {
        return Optional.ofNullable(plans.get(code));
    }

    @Override
    public Optional<Rate> rateInForce(String pricePlanCode, String productCode, LocalDate on) {
        var own = versions.stream()
                .filter(v -> v.planCode().equals(pricePlanCode) && v.productCode().equals(productCode))
                .filter(v -> !v.effectiveFrom().isAfter(on))
                .max(Comparator.comparing(PriceVersion::effectiveFrom))
                .map(PriceVersion::rate);
        if (own.isPresent()) {
            return own;
        }
        var plan = plans.get(pricePlanCode);
        return plan != null && plan.kind() == PricePlanKind.CONDITIONAL
                ? rateInForce(plan.basePlanCode(), productCode, on) : Optional.empty();
    }

    @Override
    public Optional<ProductDefinition> product(String code) {
        return Optional.ofNullable(products.get(code));
    }

    @Override
    public Optional<ProductTypeDefinition> productType(String code) {
        return Optional.ofNullable(productTypes.get(code));
    }

    @Override
    public Optional<BillingTermSchemeDefinition> billingTermScheme(String code) {
        return Optional.ofNullable(schemes.get(code));
    }

    @Override
    public Optional<AdditiveDiscountDefinition> additiveDiscount(String code) {
        return Optional.ofNullable(discounts.get(code));
    }

    @Override
    public List<AdditiveDiscountDefinition> autoApplyDiscounts() {
        return discounts.values().stream().filter(d -> d.state() == DefinitionState.EFFECTIVE
                && d.type() == DiscountType.AUTO_APPLY && d.classification() == DiscountClassification.SUBSCRIPTIONS)
                .toList();
    }
}
