package org.subledger.command.billing;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.subscription.ConcurrentUsage;
import org.subledger.kernel.subscription.DistributorRemoved;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.subledger.command.billing.BillingFixtures.ADVANCE;
import static org.subledger.command.billing.BillingFixtures.ARREARS;
import static org.subledger.command.billing.BillingFixtures.STANDARD;
import static org.subledger.command.billing.BillingFixtures.SUB;
import static org.subledger.command.billing.BillingFixtures.VIP_PLAN;
import static org.subledger.command.billing.BillingFixtures.created;
import static org.subledger.command.billing.BillingFixtures.date;
import static org.subledger.command.billing.BillingFixtures.distributorAdded;
import static org.subledger.command.billing.BillingFixtures.eur;
import static org.subledger.command.billing.BillingFixtures.service;
import static org.subledger.command.billing.BillingFixtures.terms;
import static org.subledger.command.billing.BillingScenario.lines;

/** The worked examples P6-P8 and S1 on bills, conditional plans and price versions. */
class RatingOnBillsTest {

    private static final LocalDate START = date("2026-01-01");

    @Test
    void chargesGoldNothingForThreeMonthsThenTwentyAMonth() {
        var scenario = BillingScenario.given(created(START, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("GOLD", START)));
        Money total = eur("0.00");

        for (int n = 0; n < 12; n++) {
            var line = scenario.run(START.plusMonths(n)).orElseThrow().lines().get(0);
            assertThat(line.explanation().maturityPeriod()).isEqualTo(n + 1);
            assertThat(line.amount()).isEqualTo(n < 3 ? eur("0.00") : eur("20.00"));
            total = total.plus(line.amount());
        }

        assertThat(total).isEqualTo(eur("180.00"));
    }

    @Test
    void countsMaturityFromTheServicesOwnEffectiveDate() {
        LocalDate added = date("2026-03-10");
        var scenario = BillingScenario.given(created(START, terms(ARREARS, BillingFrequency.MONTHLY)),
                BillingFixtures.added(service("GOLD", added)));

        assertThat(lines(scenario.run(date("2026-04-01")).orElseThrow())).containsExactly(
                "RECURRING GOLD 2026-03-10 2026-04-01 x1 0.00");
        for (String month : new String[]{"05", "06"}) {
            scenario.run(date("2026-" + month + "-01"));
        }
        var july = scenario.run(date("2026-07-01")).orElseThrow().lines().get(0);
        assertThat(july.explanation().maturityPeriod()).isEqualTo(4);
        assertThat(july.amount()).isEqualTo(eur("20.00"));
    }

    @Test
    void chargesEurosportOnFourDistributorsAtTheFlatLevelTheyReach() {
        var scenario = fourDistributors("EUROSPORT-1");

        assertThat(lines(scenario.run(START).orElseThrow())).containsExactly(
                "RECURRING EUROSPORT-1 2026-01-01 2026-02-01 x4 8.00");
    }

    @Test
    void chargesPpvOnFourDistributorsTierByTier() {
        var scenario = fourDistributors("PPV");

        var line = scenario.run(START).orElseThrow().lines().get(0);

        assertThat(BillingFixtures.describe(line)).isEqualTo("RECURRING PPV 2026-01-01 2026-02-01 x4 14.00");
        assertThat(line.explanation().tiers()).hasSize(4);
        assertThat(line.explanation().rateModel()).isEqualTo("TIERED");
        assertThat(line.explanation().tierBasis()).isEqualTo("QUANTITY");
    }

    @Test
    void countsOnlyTheDistributorsAServiceIsStillProvidedOn() {
        var scenario = fourDistributors("PPV").then(new DistributorRemoved(SUB, "box-4", START, null));

        assertThat(lines(scenario.run(START).orElseThrow())).containsExactly(
                "RECURRING PPV 2026-01-01 2026-02-01 x3 12.00");
    }

    private static BillingScenario fourDistributors(String product) {
        return BillingScenario.given(created(START, terms(ADVANCE, BillingFrequency.MONTHLY),
                        service(product, START, "box-1")),
                distributorAdded("box-2", START, product), distributorAdded("box-3", START, product),
                distributorAdded("box-4", START, product));
    }

    @Test
    void chargesPublicUseAtTheRateTimesConcurrentUsesTimesTheAgreedPercentage() {
        var concurrent = new ConcurrentUsage(5, new BigDecimal("30"));
        var scenario = BillingScenario.given(created(START,
                terms(ADVANCE, STANDARD, BillingFrequency.MONTHLY, concurrent), service("PUB-TV", START)));

        var line = scenario.run(START).orElseThrow().lines().get(0);

        assertThat(BillingFixtures.describe(line)).isEqualTo("RECURRING PUB-TV 2026-01-01 2026-02-01 x1 60.00");
        assertThat(line.explanation().concurrentUsage()).isEqualTo(concurrent);
        assertThat(line.explanation().periodAmount()).isEqualTo(eur("60.00"));
    }

    @Test
    void ratesAConditionalPlanWhenItsApplyConditionsHold() {
        var scenario = vipPlanSubscription();
        scenario.account = BillingFixtures.account(Map.of(ConditionAttribute.ACCOUNT_CLASSIFICATION, "VIP"));

        BillLine line = scenario.run(START).orElseThrow().lines().get(0);

        assertThat(line.amount()).isEqualTo(eur("20.00"));
        assertThat(line.explanation().pricePlanCode()).isEqualTo(VIP_PLAN);
    }

    @Test
    void ratesTheBasePlanWhenAConditionalPlansApplyConditionsFail() {
        var scenario = vipPlanSubscription();

        BillLine line = scenario.run(START).orElseThrow().lines().get(0);

        assertThat(line.amount()).isEqualTo(eur("30.00"));
        assertThat(line.explanation().pricePlanCode()).isEqualTo(STANDARD);
    }

    private static BillingScenario vipPlanSubscription() {
        return BillingScenario.given(created(START, terms(ADVANCE, VIP_PLAN, BillingFrequency.MONTHLY, null),
                service("BASIC", START)));
    }

    @Test
    void ratesEachPeriodAtThePriceVersionInForceWhenThePeriodStarts() {
        LocalDate anchor = date("2026-01-15");
        var scenario = BillingScenario.given(created(anchor, terms(ARREARS, BillingFrequency.MONTHLY),
                service("BASIC", anchor)));
        scenario.catalog.rate(STANDARD, "BASIC", date("2026-03-01"), Rate.flat(eur("36.00")));

        scenario.run(date("2026-02-15"));
        scenario.run(date("2026-03-15"));
        assertThat(lines(scenario.run(date("2026-04-15")).orElseThrow())).containsExactly(
                "RECURRING BASIC 2026-03-15 2026-04-15 x1 36.00");
        assertThat(scenario.state.services().get(0).lastPeriodAmount()).isEqualTo(eur("36.00"));
    }

    @Test
    void keepsTheOldPriceForAPeriodThatStartedBeforeTheNewVersion() {
        LocalDate anchor = date("2026-01-15");
        var scenario = BillingScenario.given(created(anchor, terms(ARREARS, BillingFrequency.MONTHLY),
                service("BASIC", anchor)));
        scenario.catalog.rate(STANDARD, "BASIC", date("2026-03-01"), Rate.flat(eur("36.00")));

        assertThat(lines(scenario.run(date("2026-02-15")).orElseThrow())).containsExactly(
                "RECURRING BASIC 2026-01-15 2026-02-15 x1 30.00");
        assertThat(lines(scenario.run(date("2026-03-15")).orElseThrow())).containsExactly(
                "RECURRING BASIC 2026-02-15 2026-03-15 x1 30.00");
    }

    @Test
    void refusesToBillAProductWithoutARateInForce() {
        var scenario = BillingScenario.given(created(START, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", START)));
        scenario.catalog = new InMemoryBillingCatalog().scheme(BillingFixtures.catalog().billingTermScheme(ADVANCE)
                .orElseThrow()).plan(BillingFixtures.catalog().pricePlan(STANDARD).orElseThrow());

        assertThatThrownBy(() -> scenario.run(START))
                .isInstanceOfSatisfying(LedgerRefusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.CATALOG_ENTRY_NOT_FOUND))
                .hasMessageContaining("BASIC").hasMessageContaining(STANDARD).hasMessageContaining("2026-01-01");
    }

    @Test
    void refusesToBillAPlanThatDoesNotExist() {
        var scenario = BillingScenario.given(created(START, terms(ADVANCE, "NO-SUCH-PLAN",
                BillingFrequency.MONTHLY, null), service("BASIC", START)));

        assertThatThrownBy(() -> scenario.run(START)).isInstanceOf(LedgerRefusal.class)
                .hasMessageContaining("NO-SUCH-PLAN");
    }

    @Test
    void refusesAmountsInAnotherCurrencyThanTheAccounts() {
        var scenario = BillingScenario.given(created(START, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", START)));
        scenario.catalog.rate(STANDARD, "BASIC", START, Rate.flat(Money.of("30.00", "USD")));

        assertThatThrownBy(() -> scenario.run(START))
                .isInstanceOfSatisfying(LedgerRefusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH));
    }
}
