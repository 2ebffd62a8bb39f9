package org.subledger.command.catalog;

import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.AllowedDuration;
import org.subledger.kernel.catalog.AppliedServiceType;
import org.subledger.kernel.catalog.BuyInAdvanceDefinition;
import org.subledger.kernel.catalog.Composition;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.catalog.DiscountCriteria;
import org.subledger.kernel.catalog.DiscountKind;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.MonthRange;
import org.subledger.kernel.catalog.ProductClassification;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.catalog.TimeSpan;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of additive discount and buy-in-advance definitions. {@code shape} needs nothing but the definition
 * (the API checks it before sending, the aggregate again); {@code references} checks what it names against the
 * catalog, inside the command.
 */
final class DiscountRules {

    static final int MAX_COUNT = 1000;
    /** Ten years: far above any offer seen, low enough that a typo is caught. */
    static final int MAX_MONTHS = 120;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<ServiceType> DISCOUNTABLE = Set.of(ServiceType.TERMED, ServiceType.USAGE,
            ServiceType.EXPENSE);

    private DiscountRules() {
    }

    static void shape(AdditiveDiscountDefinition d) {
        CatalogRules.check().code(d.code()).required(d.name(), "name").required(d.type(), "type")
                .required(d.classification(), "classification").required(d.appliedServiceType(), "appliedServiceType")
                .required(d.state(), "state").required(d.discount(), "discount")
                .required(d.discount() == null ? null : d.discount().kind(), "discount.kind")
                .required(d.duration(), "duration")
                .required(d.duration() == null ? null : d.duration().start(), "duration.start")
                .orRefuse("The additive discount");
        boolean adHoc = d.type() == DiscountType.AD_HOC;
        var check = CatalogRules.check();
        value(d.discount(), adHoc, check);
        var products = d.discountedProducts();
        var validity = d.validity();
        var duration = d.duration();
        var limit = d.applicationLimit();
        check.rule(!products.productCodes().isEmpty() || !products.productTypeCodes().isEmpty(),
                        "discountedProducts", "name at least one product or product type")
                .rule(d.classification() != DiscountClassification.JOBS
                                || d.appliedServiceType() != AppliedServiceType.USAGE,
                        "appliedServiceType", "jobs have no usage services")
                .rule(d.classification() != DiscountClassification.JOBS
                                || d.discount().kind() != DiscountKind.FREE_PERIOD,
                        "discount.kind", "a job is billed once: it has no period to give free")
                .rule(d.classification() == DiscountClassification.JOBS
                                || !d.criteria().job().completedLaterThanExpected(),
                        "criteria.job", "only job discounts look at jobs")
                .rule(d.criteria().maturity() == null || d.classification() == DiscountClassification.SUBSCRIPTIONS,
                        "criteria.maturity", "only subscriptions mature")
                .rule(d.criteria().maturity() == null || d.criteria().maturity().aboveDays() >= 0
                                && d.criteria().maturity().maxInterruptionDays() >= 0,
                        "criteria.maturity", "days must not be negative")
                .rule(d.criteria().usage() == null || d.classification() == DiscountClassification.SUBSCRIPTIONS
                                && d.appliedServiceType() != AppliedServiceType.NON_USAGE,
                        "criteria.usage", "only a discount on subscriptions' usage selects usage")
                .rule(d.criteria().usage() == null || (d.criteria().usage().from() == null)
                                == (d.criteria().usage().to() == null),
                        "criteria.usage", "a time window gives from and to")
                .rule(d.criteria().usage() == null || d.criteria().usage().usedFrom() == null
                                || d.criteria().usage().usedUntil() == null
                                || d.criteria().usage().usedUntil().isAfter(d.criteria().usage().usedFrom()),
                        "criteria.usage.usedUntil", "must be after usedFrom")
                .rule(d.criteria().usage() == null || range(d.criteria().usage().totalQuantity()),
                        "criteria.usage.totalQuantity", "give min and/or max, not negative, min not above max")
                .rule(d.criteria().usage() == null || range(d.criteria().usage().totalUsage()),
                        "criteria.usage.totalUsage", "give min and/or max, not negative, min not above max")
                .rule(validity.from() == null || validity.to() == null || !validity.to().isBefore(validity.from()),
                        "validity", "must end on or after its start")
                .rule(duration.endDate() == null || duration.period() == null, "duration",
                        "ends on a date or after a period, not both")
                .rule(duration.period() == null || span(duration.period()), "duration.period",
                        "must be 1 to " + MAX_COUNT + " days, weeks, months or years")
                .rule(duration.endDate() == null || validity.from() == null
                        || !duration.endDate().isBefore(validity.from()), "duration.endDate",
                        "must not be before the validity starts")
                .rule(limit == null || limit.times() >= 1 && limit.times() <= MAX_COUNT, "applicationLimit.times",
                        "must be 1 to " + MAX_COUNT)
                .rule(adHoc || !d.approval().required() && d.approval().userNames().isEmpty()
                        && d.approval().unitCodes().isEmpty(), "approval", "only ad hoc discounts are approved")
                .rule(!d.approval().required() || !d.approval().userNames().isEmpty()
                        || !d.approval().unitCodes().isEmpty(), "approval", "name the users or units who approve")
                .rule(adHoc || d.allowedOrganisationalUnits().isEmpty(), "allowedOrganisationalUnits",
                        "only ad hoc discounts are restricted to units")
                .rule(noBlank(products.productCodes()) && noBlank(products.productTypeCodes())
                        && noBlank(d.approval().userNames()) && noBlank(d.approval().unitCodes())
                        && noBlank(d.allowedOrganisationalUnits()), "discountedProducts", "codes must not be blank");
        var criteria = d.criteria();
        check.rule(criteria.billingTerm().bindingPeriods().stream().allMatch(m -> m != null && m >= 0
                        && m <= MAX_MONTHS), "criteria.billingTerm.bindingPeriods", "must be 0 to " + MAX_MONTHS
                        + " months")
                .rule(criteria.billingTerm().frequencies().stream().allMatch(Objects::nonNull),
                        "criteria.billingTerm.frequencies", "must not be null")
                .rule(criteria.buyInAdvanceDurations().stream().allMatch(DiscountRules::months),
                        "criteria.buyInAdvanceDurations", "each must be 1 to " + MAX_MONTHS + " months, min <= max")
                .orRefuse("The additive discount " + d.code());
    }

    private static void value(DiscountValue v, boolean adHoc, CatalogRules check) {
        switch (v.kind()) {
            case AMOUNT -> {
                oneOf(v.amount(), v.amountRange(), adHoc, "discount.amount", "discount.amountRange", check);
                if (v.amount() != null) {
                    amount(v.amount(), "discount.amount", check);
                }
                var range = v.amountRange();
                if (range != null) {
                    check.rule(range.min() != null && range.max() != null, "discount.amountRange",
                            "gives min and max");
                }
                if (range != null && range.min() != null && range.max() != null) {
                    amount(range.min(), "discount.amountRange.min", check);
                    amount(range.max(), "discount.amountRange.max", check);
                    boolean oneCurrency = range.min().currency().equals(range.max().currency());
                    check.rule(oneCurrency, "discount.amountRange", "min and max must be in one currency")
                            .rule(!oneCurrency || range.min().compareTo(range.max()) <= 0, "discount.amountRange",
                                    "min must not be above max");
                }
                check.rule(v.percentage() == null && v.percentageRange() == null && v.level() == null
                        && v.freePeriod() == null && v.freePeriodRange() == null, "discount",
                        "an amount discount has no percentage, level or free period");
            }
            case PERCENTAGE -> {
                oneOf(v.percentage(), v.percentageRange(), adHoc, "discount.percentage", "discount.percentageRange",
                        check);
                var range = v.percentageRange();
                boolean given = range != null && range.min() != null && range.max() != null;
                check.rule(v.percentage() == null || percent(v.percentage()), "discount.percentage",
                                "must be 0 to 100 with at most 4 decimals")
                        .rule(range == null || given, "discount.percentageRange", "gives min and max")
                        .rule(!given || percent(range.min()) && percent(range.max()), "discount.percentageRange",
                                "must be 0 to 100 with at most 4 decimals")
                        .rule(!given || range.min().compareTo(range.max()) <= 0, "discount.percentageRange",
                                "min must not be above max")
                        .rule(v.level() != null && v.level() >= 1 && v.level() <= 3, "discount.level",
                                "must be 1, 2 or 3")
                        .rule(v.amount() == null && v.amountRange() == null && v.freePeriod() == null
                                && v.freePeriodRange() == null, "discount",
                                "a percentage discount has no amount or free period");
            }
            case FREE_PERIOD -> {
                oneOf(v.freePeriod(), v.freePeriodRange(), adHoc, "discount.freePeriod", "discount.freePeriodRange",
                        check);
                var range = v.freePeriodRange();
                check.rule(v.freePeriod() == null || span(v.freePeriod()), "discount.freePeriod",
                                "must be 1 to " + MAX_COUNT + " days, weeks, months or years")
                        .rule(range == null || range.unit() != null && range.minCount() >= 1
                                        && range.minCount() <= range.maxCount() && range.maxCount() <= MAX_COUNT,
                                "discount.freePeriodRange", "must be 1 to " + MAX_COUNT
                                        + " days, weeks, months or years, min <= max")
                        .rule(v.amount() == null && v.amountRange() == null && v.percentage() == null
                                && v.percentageRange() == null && v.level() == null, "discount",
                                "a free period discount has no amount, percentage or level");
            }
        }
    }

    /** A value or, for ad hoc discounts only, a range to pick one from: exactly one of them. */
    private static void oneOf(Object value, Object range, boolean adHoc, String valueField, String rangeField,
                              CatalogRules check) {
        check.rule(value != null || range != null, valueField, "is required (or, for ad hoc discounts, "
                        + rangeField + ")")
                .rule(value == null || range == null, rangeField, "give a value or a range, not both")
                .rule(adHoc || range == null, rangeField, "only ad hoc discounts give a range");
    }

    private static void amount(Money amount, String field, CatalogRules check) {
        Optional<String> problem = Money.inputProblem(amount.amount(), amount.currency(), Money.Sign.POSITIVE);
        check.rule(problem.isEmpty(), field, problem.orElse(""));
    }

    private static boolean percent(BigDecimal value) {
        return value.signum() >= 0 && value.compareTo(HUNDRED) <= 0 && value.stripTrailingZeros().scale() <= 4;
    }

    private static boolean span(TimeSpan span) {
        return span.unit() != null && span.count() >= 1 && span.count() <= MAX_COUNT;
    }

    private static boolean months(MonthRange range) {
        return range != null && range.minMonths() >= 1 && range.minMonths() <= range.maxMonths()
                && range.maxMonths() <= MAX_MONTHS;
    }

    /** A usage total's range: absent, or at least one bound, none negative, in order. */
    private static boolean range(DiscountCriteria.UsageTotal total) {
        if (total == null) {
            return true;
        }
        var min = total.min();
        var max = total.max();
        return (min != null || max != null) && (min == null || min.signum() >= 0) && (max == null || max.signum() >= 0)
                && (min == null || max == null || min.compareTo(max) <= 0);
    }

    private static boolean noBlank(List<String> codes) {
        return codes.stream().allMatch(code -> code != null && !code.isBlank());
    }

    /** What the definition names must exist: discounted services, the bundle, the criteria's entries. */
    static void references(AdditiveDiscountDefinition d, CatalogLookup catalog) {
        var check = CatalogRules.check();
        var products = d.discountedProducts();
        products.productCodes().forEach(code -> {
            var type = catalog.typeOfProduct(code);
            check.rule(type.isPresent(), "discountedProducts.productCodes", code + " is not a product")
                    .rule(type.isEmpty() || discountable(type.get()), "discountedProducts.productCodes",
                            code + " is not a termed, usage or expense service");
        });
        products.productTypeCodes().forEach(code -> {
            var type = catalog.productType(code);
            check.rule(type.isPresent(), "discountedProducts.productTypeCodes", code + " is not a product type")
                    .rule(type.isEmpty() || discountable(type.get()), "discountedProducts.productTypeCodes",
                            code + " is not a termed, usage or expense service");
        });
        if (products.bundleProductCode() != null) {
            check.rule(catalog.typeOfProduct(products.bundleProductCode())
                            .filter(type -> type.composition() == Composition.FLEXIBLE_BUNDLE).isPresent(),
                    "discountedProducts.bundleProductCode", "is not a flexible bundle");
        }
        var criteria = d.criteria();
        boolean adHoc = d.type() == DiscountType.AD_HOC;
        criteria.billingTerm().schemes().forEach(code -> {
            var scheme = catalog.billingTermScheme(code);
            check.rule(scheme.isPresent(), "criteria.billingTerm.schemes", code + " is not a billing term scheme")
                    .rule(!adHoc || scheme.isEmpty() || scheme.get().flexiblePricing(), "criteria.billingTerm.schemes",
                            code + " does not allow flexible pricing, which ad hoc discounts need");
        });
        criteria.subscriptionTypes().forEach(code -> check.rule(catalog.subscriptionTypeExists(code),
                "criteria.subscriptionTypes", code + " is not a subscription type"));
        criteria.pricePlans().forEach(code -> check.rule(catalog.pricePlan(code).isPresent(),
                "criteria.pricePlans", code + " is not a price plan"));
        criteria.products().forEach(code -> check.rule(catalog.product(code).isPresent(), "criteria.products",
                code + " is not a product"));
        check.orRefuseAsRule("The additive discount " + d.code());
    }

    private static boolean discountable(ProductTypeDefinition type) {
        return type.classification() == ProductClassification.SERVICE && DISCOUNTABLE.contains(type.serviceType());
    }

    static void shape(BuyInAdvanceDefinition d) {
        CatalogRules.check().code(d.code()).required(d.name(), "name").required(d.state(), "state")
                .orRefuse("The buy-in-advance definition");
        Set<String> types = new HashSet<>();
        var check = CatalogRules.check().rule(!d.allowedDurations().isEmpty(), "allowedDurations",
                "name at least one subscription type and its durations");
        for (AllowedDuration allowed : d.allowedDurations()) {
            check.rule(allowed != null && allowed.subscriptionTypeCode() != null
                            && !allowed.subscriptionTypeCode().isBlank(), "allowedDurations.subscriptionTypeCode",
                            "is required")
                    .rule(allowed == null || months(new MonthRange(allowed.minMonths(), allowed.maxMonths())),
                            "allowedDurations", "each must be 1 to " + MAX_MONTHS + " months, min <= max")
                    .rule(allowed == null || types.add(String.valueOf(allowed.subscriptionTypeCode())),
                            "allowedDurations", "one range per subscription type");
        }
        check.orRefuse("The buy-in-advance definition " + d.code());
    }

    static void references(BuyInAdvanceDefinition d, CatalogLookup catalog) {
        var check = CatalogRules.check();
        d.allowedDurations().forEach(allowed -> check.rule(catalog.subscriptionTypeExists(
                allowed.subscriptionTypeCode()), "allowedDurations.subscriptionTypeCode",
                allowed.subscriptionTypeCode() + " is not a subscription type"));
        check.orRefuseAsRule("The buy-in-advance definition " + d.code());
    }
}
