package org.subledger.command.catalog;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.Condition;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.CreatePricePlan;
import org.subledger.kernel.catalog.PricePlanCreated;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.ProductRateSet;
import org.subledger.kernel.catalog.RateClassification;
import org.subledger.kernel.catalog.SetProductRate;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.rating.RateLevel;
import org.subledger.kernel.rating.RateModel;
import org.subledger.kernel.rating.TierBasis;

import java.time.LocalDate;
import java.util.List;

import static org.subledger.command.catalog.CatalogFixtures.FEE;
import static org.subledger.command.catalog.CatalogFixtures.TERMED;
import static org.subledger.command.catalog.CatalogFixtures.VOD;
import static org.subledger.command.catalog.CatalogFixtures.eur;
import static org.subledger.command.catalog.CatalogFixtures.product;
import static org.subledger.command.catalog.CatalogFixtures.refusal;

class PricePlanTest {

    static final PricePlanDefinition STANDARD = new PricePlanDefinition("STANDARD", "Standard", PricePlanKind.BASE,
            null, "EUR", List.of(), List.of(), List.of());
    static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    static final LocalDate MAR = LocalDate.of(2026, 3, 1);

    AggregateTestFixture<PricePlan> fixture;

    @BeforeEach
    void setUp() {
        var catalog = new FakeCatalog().with(TERMED).with(FEE).with(VOD).with(product("GOLD", "TV-PACKAGE"))
                .with(product("START-UP-FEE", "FEE")).with(product("BRAVEHEART", "VOD")).with(STANDARD);
        fixture = new AggregateTestFixture<>(PricePlan.class);
        fixture.registerInjectableResource(catalog);
    }

    @Test
    void setsTheFirstPriceVersionOfAProduct() {
        fixture.given(new PricePlanCreated(STANDARD))
                .when(new SetProductRate("STANDARD", "GOLD", RateClassification.TERMED_SERVICE,
                        Rate.flat(eur("20")), JAN))
                .expectEvents(new ProductRateSet("STANDARD", "GOLD", RateClassification.TERMED_SERVICE,
                        Rate.flat(eur("20")), JAN, 1));
    }

    @Test
    void aPriceChangeAddsAVersionAndNeverRewritesHistory() {
        var january = new ProductRateSet("STANDARD", "GOLD", RateClassification.TERMED_SERVICE, Rate.flat(eur("20")),
                MAR, 1);
        fixture.given(new PricePlanCreated(STANDARD), january)
                .when(new SetProductRate("STANDARD", "GOLD", RateClassification.TERMED_SERVICE,
                        Rate.flat(eur("22")), JAN))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "effectiveFrom")).expectNoEvents();
        new AggregateTestFixture<>(PricePlan.class).registerInjectableResource(new FakeCatalog().with(TERMED)
                        .with(product("GOLD", "TV-PACKAGE")))
                .given(new PricePlanCreated(STANDARD), january)
                .when(new SetProductRate("STANDARD", "GOLD", RateClassification.TERMED_SERVICE,
                        Rate.flat(eur("22")), MAR.plusMonths(1)))
                .expectEvents(new ProductRateSet("STANDARD", "GOLD", RateClassification.TERMED_SERVICE,
                        Rate.flat(eur("22")), MAR.plusMonths(1), 2));
    }

    @Test
    void settingTheLatestVersionAgainRecordsNothing() {
        fixture.given(new PricePlanCreated(STANDARD), new ProductRateSet("STANDARD", "GOLD",
                        RateClassification.TERMED_SERVICE, Rate.flat(eur("20")), JAN, 1))
                .when(new SetProductRate("STANDARD", "GOLD", RateClassification.TERMED_SERVICE,
                        Rate.flat(eur("20")), JAN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void refusesTiersForAnExpense() {
        var tiered = new Rate(RateModel.TIERED, TierBasis.QUANTITY, eur("5"),
                List.of(RateLevel.of(1, null, eur("4"))));
        fixture.given(new PricePlanCreated(STANDARD))
                .when(new SetProductRate("STANDARD", "START-UP-FEE", RateClassification.EXPENSE, tiered, JAN))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "rate.levels")).expectNoEvents();
    }

    @Test
    void refusesAClassificationThatDoesNotMatchTheProduct() {
        fixture.given(new PricePlanCreated(STANDARD))
                .when(new SetProductRate("STANDARD", "GOLD", RateClassification.EXPENSE, Rate.flat(eur("20")), JAN))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "classification")).expectNoEvents();
    }

    @Test
    void refusesToPriceAUsageServiceInAPricePlan() {
        fixture.given(new PricePlanCreated(STANDARD))
                .when(new SetProductRate("STANDARD", "BRAVEHEART", RateClassification.TERMED_SERVICE,
                        Rate.flat(eur("3")), JAN))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "productCode")).expectNoEvents();
    }

    @Test
    void refusesARateInAnotherCurrency() {
        fixture.given(new PricePlanCreated(STANDARD))
                .when(new SetProductRate("STANDARD", "GOLD", RateClassification.TERMED_SERVICE,
                        Rate.flat(Money.of("20", "USD")), JAN))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "rate")).expectNoEvents();
    }

    @Test
    void aConditionalPlanIsTiedToAnExistingBasePlan() {
        var vip = new PricePlanDefinition("VIP", "VIP", PricePlanKind.CONDITIONAL, "STANDARD", "EUR",
                List.of(new Condition(ConditionAttribute.ACCOUNT_CLASSIFICATION, List.of("VIP"))), List.of(),
                List.of());
        fixture.givenNoPriorActivity().when(new CreatePricePlan(vip)).expectEvents(new PricePlanCreated(vip));

        var orphan = new PricePlanDefinition("VIP2", "VIP", PricePlanKind.CONDITIONAL, "NOPE", "EUR", List.of(),
                List.of(), List.of());
        new AggregateTestFixture<>(PricePlan.class).registerInjectableResource(new FakeCatalog())
                .givenNoPriorActivity().when(new CreatePricePlan(orphan))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "basePlanCode")).expectNoEvents();
    }

    @Test
    void aBasePlanHasNoConditions() {
        var bad = new PricePlanDefinition("B", "B", PricePlanKind.BASE, null, "EUR",
                List.of(new Condition(ConditionAttribute.ACCOUNT_CLASSIFICATION, List.of("VIP"))), List.of(),
                List.of());
        fixture.givenNoPriorActivity().when(new CreatePricePlan(bad))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "selectConditions")).expectNoEvents();
    }
}
