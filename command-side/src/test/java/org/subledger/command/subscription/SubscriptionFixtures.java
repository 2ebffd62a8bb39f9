package org.subledger.command.subscription;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.BillingTiming;
import org.subledger.kernel.catalog.BundleComponent;
import org.subledger.kernel.catalog.Composition;
import org.subledger.kernel.catalog.Condition;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.FlexibleBundleRules;
import org.subledger.kernel.catalog.PhysicalGoodType;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.ProductClassification;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.BecomeSubscriber;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The world the subscription fixtures run in: an AluxSat-like catalog (Gold TV with packages, add-on channels, a
 * choose-your-channels bouquet, a sports combo, a movie, decoders and antennas), three accounts, and builders for
 * the commands and events the tests share.
 */
final class SubscriptionFixtures {

    static final String ID = "0b7e3f4c-5d1a-4a8e-9c61-2f8d7a9b1c30";
    static final String ACCOUNT = "acc-1";
    static final String VIP_ACCOUNT = "acc-vip";
    static final String CLOSED_ACCOUNT = "acc-closed";
    static final String ADDRESS = "12 Makarios Ave, Nicosia";
    static final LocalDate DAY_ONE = LocalDate.of(2026, 3, 2);
    static final LocalDate ACTIVATION_DAY = LocalDate.of(2026, 3, 10);
    static final Currency EUR = Currency.getInstance("EUR");

    static final Distributor BOX = new Distributor("box-1", "NAGRA");
    static final Distributor SECOND_BOX = new Distributor("box-2", "NAGRA");
    static final InstalledItem DECODER = new InstalledItem("SN-0001", "DECODER");

    private static final ProductTypeDefinition PACKAGES = service("TV-PACKAGE", Composition.FLAT);
    private static final ProductTypeDefinition ADD_ONS = service("ADD-ON", Composition.FLAT);
    private static final ProductTypeDefinition BOUQUETS = service("BOUQUET", Composition.FLEXIBLE_BUNDLE);
    private static final ProductTypeDefinition COMBOS = service("COMBO", Composition.FIXED_BUNDLE);
    private static final ProductTypeDefinition MOVIES = new ProductTypeDefinition("VOD", "Movies",
            ProductClassification.SERVICE, null, ServiceType.USAGE, Composition.FLAT, true, "VOD");
    private static final ProductTypeDefinition TRACEABLE = good("TRACEABLE-HW", PhysicalGoodType.TRACEABLE);
    private static final ProductTypeDefinition PLAIN = good("PLAIN-HW", PhysicalGoodType.NON_TRACEABLE);

    static final SubscriptionTypeDefinition GOLD_TV = new SubscriptionTypeDefinition("GOLD-TV", "Gold TV",
            List.of("RESIDENTIAL"), List.of("NAGRA"), List.of("GOLD", "PLATINUM", "EUROSPORT-1", "CINEMA", "BOUQUET",
            "SPORTS-COMBO", "BRAVEHEART", "DECODER", "ROUTER", "ANTENNA", "RETIRED"));

    private SubscriptionFixtures() {
    }

    static FakeSubscriptionLookup lookup() {
        var lookup = new FakeSubscriptionLookup()
                .with(account(ACCOUNT, "RESIDENTIAL", false))
                .with(account(VIP_ACCOUNT, "VIP", false))
                .with(account(CLOSED_ACCOUNT, "RESIDENTIAL", true))
                .with(GOLD_TV)
                .with(new BillingTermSchemeDefinition("RESIDENTIAL", "Residential", List.of(BillingFrequency.MONTHLY,
                        BillingFrequency.ANNUAL), 12, List.of("STANDARD", "VIP", "DOLLARS"), "STANDARD", true, false,
                        BillingTiming.IN_ADVANCE, null, null, false))
                .with(new BillingTermSchemeDefinition("CORPORATE", "Corporate", List.of(BillingFrequency.MONTHLY),
                        24, List.of("STANDARD"), "STANDARD", false, true, BillingTiming.IN_ARREARS, null, null, false))
                .with(plan("STANDARD", PricePlanKind.BASE, "EUR", List.of()))
                .with(plan("VIP", PricePlanKind.CONDITIONAL, "EUR",
                        List.of(new Condition(ConditionAttribute.ACCOUNT_CLASSIFICATION, List.of("VIP")))))
                .with(plan("DOLLARS", PricePlanKind.BASE, "USD", List.of()));
        for (var type : List.of(PACKAGES, ADD_ONS, BOUQUETS, COMBOS, MOVIES, TRACEABLE, PLAIN)) {
            lookup.with(type);
        }
        for (var product : List.of(product("GOLD", "TV-PACKAGE", "Packages"),
                product("PLATINUM", "TV-PACKAGE", "Packages"), product("EUROSPORT-1", "ADD-ON", "Sports"),
                product("CINEMA", "ADD-ON", "Movies"), product("KIDS", "ADD-ON", "Kids"),
                product("BRAVEHEART", "VOD", "Movies"), product("DECODER", "TRACEABLE-HW", "Decoders"),
                product("ROUTER", "TRACEABLE-HW", "Modems"), product("ANTENNA", "PLAIN-HW", "Antennas"))) {
            lookup.with(product);
        }
        lookup.with(new ProductDefinition("RETIRED", null, "Retired package", "TV-PACKAGE", "AluxSat", "Packages",
                List.of(), new Validity(LocalDate.of(2015, 1, 1), LocalDate.of(2020, 12, 31)), new BigDecimal("19"),
                List.of(), null, Map.of()));
        // any add-on channel, or Gold; from at most two families and of one product type
        lookup.with(new ProductDefinition("BOUQUET", null, "Choose-your-channels bouquet", "BOUQUET", "AluxSat",
                "Packages", List.of(), Validity.ALWAYS, new BigDecimal("19"), List.of(),
                new FlexibleBundleRules(List.of("GOLD"), List.of("ADD-ON"), List.of(), 2, 1), Map.of()));
        lookup.with(new ProductDefinition("SPORTS-COMBO", null, "Sports and cinema", "COMBO", "AluxSat", "Packages",
                List.of(), Validity.ALWAYS, new BigDecimal("19"), List.of(new BundleComponent("EUROSPORT-1", 1),
                new BundleComponent("CINEMA", 1)), null, Map.of()));
        return lookup;
    }

    static FixtureConfiguration<Subscription> fixture(SubscriptionLookup lookup) {
        return fixture(lookup, new FakeSerialNumbers());
    }

    static FixtureConfiguration<Subscription> fixture(SubscriptionLookup lookup, FakeSerialNumbers serialNumbers) {
        return fixture(lookup, serialNumbers, new FakeUsageRecordIds());
    }

    static FixtureConfiguration<Subscription> fixture(SubscriptionLookup lookup, FakeSerialNumbers serialNumbers,
                                                      FakeUsageRecordIds recordIds) {
        return fixture(lookup, serialNumbers, recordIds, new FakePrepaidWallets());
    }

    static FixtureConfiguration<Subscription> fixture(SubscriptionLookup lookup, FakeSerialNumbers serialNumbers,
                                                      FakeUsageRecordIds recordIds, FakePrepaidWallets wallets) {
        return fixture(lookup, serialNumbers, recordIds, new FakeUsageDueDates(), wallets);
    }

    static FixtureConfiguration<Subscription> fixture(SubscriptionLookup lookup, FakeSerialNumbers serialNumbers,
                                                      FakeUsageRecordIds recordIds, FakeUsageDueDates dueDates,
                                                      FakePrepaidWallets wallets) {
        var fixture = new AggregateTestFixture<>(Subscription.class);
        fixture.registerInjectableResource(lookup);
        fixture.registerInjectableResource(serialNumbers);
        fixture.registerInjectableResource(recordIds);
        fixture.registerInjectableResource(dueDates);
        fixture.registerInjectableResource(wallets);
        return fixture;
    }

    /** An account that owes nothing, with a credit limit of 50.00. */
    static AccountFacts account(String id, String classification, boolean closed) {
        return new AccountFacts(id, CustomerType.PERSON, EUR, classification, "AAA", ADDRESS, closed, eur("0.00"),
                eur("50.00"));
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** Residential monthly terms on the default plan with a 100.00 penalty for leaving within the binding year. */
    static BillingTerms requestedTerms() {
        return new BillingTerms("RESIDENTIAL", null, BillingFrequency.MONTHLY, null, null, null, eur("100.00"), null);
    }

    static BillingTerms termsFrom(LocalDate agreement) {
        return new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.MONTHLY, agreement, agreement,
                agreement.plusMonths(12), eur("100.00"), null);
    }

    /** A service as asked for: dates left to the action date. */
    static SubscriptionService service(String productCode, String... distributorIds) {
        return new SubscriptionService(productCode, List.of(), null, null, null, Set.of(distributorIds));
    }

    static SubscriptionService bundle(String productCode, List<String> components, String... distributorIds) {
        return new SubscriptionService(productCode, components, null, null, null, Set.of(distributorIds));
    }

    /** A service as recorded: effective and billed from the given date. */
    static SubscriptionService recorded(String productCode, LocalDate from, String... distributorIds) {
        return new SubscriptionService(productCode, List.of(), from, from, from, Set.of(distributorIds));
    }

    static SubscriptionAction action(BehaviourCode code) {
        return new SubscriptionAction(code, null, null, null);
    }

    static BecomeSubscriber becomeSubscriber(SubscriptionState state, List<Distributor> distributors,
                                             List<SubscriptionService> services, List<InstalledItem> items) {
        return new BecomeSubscriber(ID, ACCOUNT, "GOLD-TV", requestedTerms(), null, null, state, distributors,
                services, items, DAY_ONE, ActionClassification.none());
    }

    static SubscriptionCreated created(SubscriptionState state, List<Distributor> distributors,
                                       List<SubscriptionService> services, List<InstalledItem> items) {
        return new SubscriptionCreated(ID, ACCOUNT, "GOLD-TV", state, termsFrom(DAY_ONE), ADDRESS, ADDRESS,
                distributors, services, items, DAY_ONE, action(BehaviourCode.BECOME_SUBSCRIBER));
    }

    /** A retail-shop subscription: Gold on one box, with its decoder. */
    static SubscriptionCreated effective() {
        return created(SubscriptionState.EFFECTIVE, List.of(BOX), List.of(recorded("GOLD", DAY_ONE, "box-1")),
                List.of(DECODER));
    }

    /** A call-centre subscription: Gold ordered, no device yet. */
    static SubscriptionCreated draft() {
        return created(SubscriptionState.DRAFT, List.of(), List.of(recorded("GOLD", DAY_ONE)), List.of());
    }

    static Matcher<?> refusal(ErrorCode code) {
        return Matchers.predicate(exception -> exception instanceof LedgerRefusal refusal && refusal.code() == code);
    }

    static Matcher<?> refusal(ErrorCode code, String field) {
        return Matchers.predicate(exception -> exception instanceof LedgerRefusal refusal && refusal.code() == code
                && refusal.fields().containsKey(field));
    }

    /** A refusal whose problem with the field mentions the given words. */
    static Matcher<?> refusal(ErrorCode code, String field, String mentioning) {
        return Matchers.predicate(exception -> exception instanceof LedgerRefusal refusal && refusal.code() == code
                && refusal.fields().getOrDefault(field, "").contains(mentioning));
    }

    private static ProductTypeDefinition service(String code, Composition composition) {
        return new ProductTypeDefinition(code, code, ProductClassification.SERVICE, null, ServiceType.TERMED,
                composition, true, null);
    }

    private static ProductTypeDefinition good(String code, PhysicalGoodType goodType) {
        return new ProductTypeDefinition(code, code, ProductClassification.PHYSICAL_GOOD, goodType, null,
                Composition.FLAT, true, null);
    }

    private static PricePlanDefinition plan(String code, PricePlanKind kind, String currency,
                                            List<Condition> selectConditions) {
        return new PricePlanDefinition(code, code, kind, kind == PricePlanKind.CONDITIONAL ? "STANDARD" : null,
                currency, selectConditions, List.of(), List.of());
    }

    private static ProductDefinition product(String code, String type, String family) {
        return new ProductDefinition(code, null, code + " description", type, "AluxSat", family, List.of(),
                Validity.ALWAYS, new BigDecimal("19"), List.of(), null, Map.of());
    }
}
