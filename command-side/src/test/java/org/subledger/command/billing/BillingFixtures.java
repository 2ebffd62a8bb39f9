package org.subledger.command.billing;

import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.BillingTiming;
import org.subledger.kernel.catalog.Composition;
import org.subledger.kernel.catalog.Condition;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.PhysicalGoodType;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.ProductClassification;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.rating.RateLevel;
import org.subledger.kernel.rating.RateModel;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.rating.TierBasis;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.ConcurrentUsage;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.DistributorAdded;
import org.subledger.kernel.subscription.ServiceAdded;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionTerminated;
import org.subledger.kernel.usage.OneOffChargeAdded;
import org.subledger.kernel.usage.UsageRecorded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The world the billing tests run in: the AluxSat-like catalog of the worked examples (P2-P8, S1), a plain monthly
 * service (BASIC, 30.00 per period), billing term schemes in advance and in arrears, and builders for the
 * subscription events billing folds.
 */
final class BillingFixtures {

    static final String SUB = "sub-1";
    static final String ACC = "acc-1";
    static final Currency EUR = Currency.getInstance("EUR");
    static final String ADVANCE = "ADVANCE";
    static final String ARREARS = "ARREARS";
    /** A scheme whose bills are due 30 days after their billing date (the others: the ledger's 14 days). */
    static final String NET_30 = "NET-30";
    static final String STANDARD = "STANDARD";
    static final String VIP_PLAN = "VIP";
    static final BigDecimal VAT = new BigDecimal("19");

    private BillingFixtures() {
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static BillingAccount account() {
        return account(Map.of(ConditionAttribute.ACCOUNT_CLASSIFICATION, "STANDARD"));
    }

    static BillingAccount account(Map<ConditionAttribute, String> facts) {
        return new BillingAccount(ACC, EUR, eur("0.00"), facts, false, 0);
    }

    static InMemoryBillingCatalog catalog() {
        var levels = List.of(RateLevel.of(1, 1L, eur("5.00")), RateLevel.of(2, 2L, eur("4.00")),
                RateLevel.of(3, 3L, eur("3.00")), RateLevel.of(4, null, eur("2.00")));
        var hourLevels = List.of(RateLevel.of(1, 1L, eur("20.00")), RateLevel.of(2, 5L, eur("15.00")),
                RateLevel.of(6, null, eur("10.00")));
        var hardwareLevels = List.of(RateLevel.of(1, 1L, eur("10.00")), RateLevel.of(2, 2L, eur("9.00")),
                RateLevel.of(3, 3L, eur("8.00")), RateLevel.of(4, null, eur("7.00")));
        LocalDate start = date("2020-01-01");
        return new InMemoryBillingCatalog()
                .scheme(scheme(ADVANCE, BillingTiming.IN_ADVANCE))
                .scheme(scheme(ARREARS, BillingTiming.IN_ARREARS))
                .scheme(new BillingTermSchemeDefinition(NET_30, NET_30, List.of(BillingFrequency.values()), 12,
                        List.of(STANDARD, VIP_PLAN), STANDARD, false, false, BillingTiming.IN_ADVANCE, null, null,
                        false, 30))
                .plan(new PricePlanDefinition(STANDARD, "Standard", PricePlanKind.BASE, null, "EUR", null, null, null))
                .plan(new PricePlanDefinition(VIP_PLAN, "VIP", PricePlanKind.CONDITIONAL, STANDARD, "EUR", null,
                        List.of(new Condition(ConditionAttribute.ACCOUNT_CLASSIFICATION, List.of("VIP"))), null))
                .productType(new ProductTypeDefinition("TERMED", "Channels", ProductClassification.SERVICE, null,
                        ServiceType.TERMED, Composition.FLAT, true, null))
                .productType(new ProductTypeDefinition("ONE-TIME", "Works", ProductClassification.SERVICE, null,
                        ServiceType.ONE_TIME, Composition.FLAT, false, null))
                .productType(new ProductTypeDefinition("HARDWARE", "Hardware", ProductClassification.PHYSICAL_GOOD,
                        PhysicalGoodType.NON_TRACEABLE, null, Composition.FLAT, false, null))
                .productType(new ProductTypeDefinition("VOD", "Movies", ProductClassification.SERVICE, null,
                        ServiceType.USAGE, Composition.FLAT, true, "VOD"))
                .product(product("BASIC", "TERMED", VAT))
                .product(product("GOLD", "TERMED", VAT))
                .product(product("EUROSPORT-1", "TERMED", VAT))
                .product(product("PPV", "TERMED", VAT))
                .product(product("PUB-TV", "TERMED", VAT))
                .product(product("REPAIRS", "ONE-TIME", VAT))
                .product(product("INSTALLATION", "ONE-TIME", VAT))
                .product(product("ANTENNA", "HARDWARE", VAT))
                .product(product("DECODER", "HARDWARE", VAT))
                .product(product("BRAVEHEART", "VOD", null))
                .rate(STANDARD, "BASIC", start, Rate.flat(eur("30.00")))
                .rate(VIP_PLAN, "BASIC", start, Rate.flat(eur("20.00")))
                .rate(STANDARD, "GOLD", start, new Rate(RateModel.TIERED, TierBasis.MATURITY_PERIODS, eur("20.00"),
                        List.of(RateLevel.of(1, 3L, eur("0.00")), RateLevel.of(4, null, eur("20.00")))))
                .rate(STANDARD, "EUROSPORT-1", start, new Rate(RateModel.FLAT, TierBasis.QUANTITY, eur("5.00"),
                        levels))
                .rate(STANDARD, "PPV", start, new Rate(RateModel.TIERED, TierBasis.QUANTITY, eur("5.00"), levels))
                .rate(STANDARD, "PUB-TV", start, Rate.flat(eur("40.00")))
                .rate(STANDARD, "REPAIRS", start, new Rate(RateModel.FLAT, TierBasis.DURATION_HOURS, eur("20.00"),
                        hourLevels))
                .rate(STANDARD, "INSTALLATION", start, new Rate(RateModel.TIERED, TierBasis.DURATION_HOURS,
                        eur("20.00"), hourLevels))
                .rate(STANDARD, "ANTENNA", start, new Rate(RateModel.FLAT, TierBasis.QUANTITY, eur("10.00"),
                        hardwareLevels))
                .rate(STANDARD, "DECODER", start, new Rate(RateModel.TIERED, TierBasis.QUANTITY, eur("10.00"),
                        hardwareLevels));
    }

    private static BillingTermSchemeDefinition scheme(String code, BillingTiming timing) {
        return new BillingTermSchemeDefinition(code, code, List.of(BillingFrequency.values()), 12,
                List.of(STANDARD, VIP_PLAN), STANDARD, false, false, timing, null, null, false);
    }

    private static ProductDefinition product(String code, String type, BigDecimal taxRate) {
        return new ProductDefinition(code, null, code + " description", type, null, null, null, null, taxRate, null,
                null, null);
    }

    static BillingTerms terms(String scheme, BillingFrequency frequency) {
        return terms(scheme, STANDARD, frequency, null);
    }

    static BillingTerms terms(String scheme, String plan, BillingFrequency frequency, ConcurrentUsage concurrent) {
        return new BillingTerms(scheme, plan, frequency, null, null, null, null, concurrent);
    }

    static SubscriptionService service(String productCode, LocalDate from, String... distributorIds) {
        return new SubscriptionService(productCode, null, from, from, from,
                Set.of(distributorIds.length == 0 ? new String[]{"box-1"} : distributorIds));
    }

    static SubscriptionCreated created(LocalDate on, BillingTerms terms, SubscriptionService... services) {
        return new SubscriptionCreated(SUB, ACC, "GOLD-TV", SubscriptionState.EFFECTIVE, terms, null, null,
                List.of(new Distributor("box-1", "NAGRA")), List.of(services), null, on, null);
    }

    static ServiceAdded added(SubscriptionService service) {
        return new ServiceAdded(SUB, service, service.effectiveDate(), null);
    }

    static ServiceRemoved removed(String productCode, LocalDate on) {
        return new ServiceRemoved(SUB, productCode, on, null);
    }

    static DistributorAdded distributorAdded(String distributorId, LocalDate on, String... services) {
        return new DistributorAdded(SUB, new Distributor(distributorId, "NAGRA"), Set.of(services), on, null);
    }

    static SubscriptionTerminated terminated(LocalDate on) {
        return new SubscriptionTerminated(SUB, ACC, on, null, null);
    }

    static UsageRecorded usage(String recordId, LocalDateTime usedAt, String amount) {
        Money money = eur(amount);
        return new UsageRecorded(SUB, ACC, recordId, "BRAVEHEART", "NAGRA-VOD", "PPV", usedAt, money,
                new RatingLine("base", 1, money, money), usedAt.toLocalDate(), null);
    }

    static OneOffChargeAdded oneOff(String chargeId, String productCode, long units, LocalDate on) {
        return new OneOffChargeAdded(SUB, chargeId, productCode, units, on, null, null);
    }

    /** A line as the tests state it: kind, product, from, to, quantity and amount. */
    static String describe(BillLine line) {
        return line.kind() + " " + line.productCode() + " " + line.from() + " " + line.to() + " x" + line.quantity()
                + " " + line.amount().amount().toPlainString();
    }
}
