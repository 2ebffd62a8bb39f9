package org.subledger.query.pricing;

import org.subledger.kernel.catalog.Condition;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.RateClassification;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.query.PriceVersion;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.rating.RateLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A catalog in memory for the quoters: plans, products, price versions and usage catalogs as the tests set them. */
final class PricingSamples implements PriceCatalog {

    static final LocalDate RATES_FROM = LocalDate.of(2015, 1, 1);

    private final Map<String, PricePlanDefinition> plans = new HashMap<>();
    private final Set<String> products = new HashSet<>();
    private final List<PriceVersion> versions = new ArrayList<>();
    private final Map<String, UsageCatalogDefinition> usageCatalogs = new HashMap<>();

    PricingSamples basePlan(String code) {
        plans.put(code, new PricePlanDefinition(code, code, PricePlanKind.BASE, null, "EUR", List.of(), List.of(),
                List.of()));
        return this;
    }

    PricingSamples vipPlan(String code, String basePlan) {
        var vip = new Condition(ConditionAttribute.ACCOUNT_CLASSIFICATION, List.of("VIP"));
        plans.put(code, new PricePlanDefinition(code, code, PricePlanKind.CONDITIONAL, basePlan, "EUR", List.of(vip),
                List.of(vip), List.of()));
        return this;
    }

    PricingSamples rate(String plan, String product, Rate rate) {
        return rate(plan, product, rate, RATES_FROM);
    }

    PricingSamples rate(String plan, String product, Rate rate, LocalDate from) {
        products.add(product);
        int number = (int) versions.stream().filter(version -> version.pricePlanCode().equals(plan)
                && version.productCode().equals(product)).count() + 1;
        versions.add(new PriceVersion(plan, product, number, RateClassification.PHYSICAL_GOOD, from, null, rate));
        return this;
    }

    PricingSamples product(String code) {
        products.add(code);
        return this;
    }

    PricingSamples usageCatalog(UsageCatalogDefinition catalog) {
        usageCatalogs.put(catalog.code(), catalog);
        return this;
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static RateLevel level(long from, Long to, String amount) {
        return RateLevel.of(from, to, eur(amount));
    }

    @Override
    public Optional<PricePlanDefinition> pricePlan(String code) {
        return Optional.ofNullable(plans.get(code));
    }

    @Override
    public boolean hasProduct(String code) {
        return products.contains(code);
    }

    @Override
    public Optional<PriceVersion> rateInForce(String pricePlanCode, String productCode, LocalDate date) {
        return versions.stream().filter(version -> version.pricePlanCode().equals(pricePlanCode)
                        && version.productCode().equals(productCode) && !version.effectiveFrom().isAfter(date))
                .reduce((earlier, later) -> later);
    }

    @Override
    public Optional<UsageCatalogDefinition> usageCatalog(String code) {
        return Optional.ofNullable(usageCatalogs.get(code));
    }
}
