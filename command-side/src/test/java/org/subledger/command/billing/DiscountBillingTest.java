package org.subledger.command.billing;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.ApplicationLimit;
import org.subledger.kernel.catalog.AppliedServiceType;
import org.subledger.kernel.catalog.Approval;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.catalog.DiscountCriteria;
import org.subledger.kernel.catalog.DiscountDuration;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.DiscountedProducts;
import org.subledger.kernel.catalog.DurationStart;
import org.subledger.kernel.catalog.MonthRange;
import org.subledger.kernel.catalog.PeriodUnit;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.discount.DiscountAdded;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.discount.DiscountApproved;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.subscription.BuyInAdvanceRequested;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.billing.BillingFixtures.ACC;
import static org.subledger.command.billing.BillingFixtures.ADVANCE;
import static org.subledger.command.billing.BillingFixtures.STANDARD;
import static org.subledger.command.billing.BillingFixtures.SUB;
import static org.subledger.command.billing.BillingFixtures.VAT;
import static org.subledger.command.billing.BillingFixtures.VIP_PLAN;
import static org.subledger.command.billing.BillingFixtures.created;
import static org.subledger.command.billing.BillingFixtures.date;
import static org.subledger.command.billing.BillingFixtures.eur;
import static org.subledger.command.billing.BillingFixtures.service;
import static org.subledger.command.billing.BillingFixtures.terms;
import static org.subledger.command.billing.BillingFixtures.usage;

/**
 * The discount step of the calculator: D1 (free months of a year), D6 (percentage levels), two percentages of one
 * level, amounts never below zero, an expired definition, application limits counted per billing period across a
 * year boundary, a usage bill that does not use up a period, an ad hoc discount added mid-period and only once
 * approved, B1 (a year bought in advance with three months free), a re-run giving nothing twice, and the preview equal
 * to the bill.
 */
class DiscountBillingTest {

    static final LocalDate JAN = date("2026-01-01");

    static AdditiveDiscountDefinition auto(String code, DiscountValue value, List<String> products,
                                           ApplicationLimit limit, Validity validity, DiscountCriteria criteria,
                                           AppliedServiceType applied) {
        return new AdditiveDiscountDefinition(code, code, DiscountType.AUTO_APPLY, DiscountClassification.SUBSCRIPTIONS,
                applied, DefinitionState.EFFECTIVE, value, new DiscountedProducts(products, List.of(), null), validity,
                DiscountDuration.indefinitely(DurationStart.AGREEMENT_DATE), limit, Approval.NONE, List.of(), criteria);
    }

    static AdditiveDiscountDefinition auto(String code, DiscountValue value, String product, ApplicationLimit limit) {
        return auto(code, value, List.of(product), limit, Validity.ALWAYS, DiscountCriteria.NONE,
                AppliedServiceType.NON_USAGE);
    }

    static DiscountValue percent(String value, int level) {
        return DiscountValue.percentage(new BigDecimal(value), level);
    }

    static ProductDefinition termed(String code) {
        return new ProductDefinition(code, null, code + " description", "TERMED", null, null, null, null, VAT, null,
                null, null);
    }

    static List<String> lines(BillDraft draft) {
        return draft.lines().stream().map(BillingFixtures::describe).toList();
    }

    static BillLine discountLine(BillDraft draft) {
        return draft.lines().stream().filter(line -> line.kind() == BillLineKind.DISCOUNT).findFirst().orElseThrow();
    }

    @Test
    void d1TwoMonthsFreeOfAYearBilledAnnuallyChargesTenMonthsOnceOnly() {
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.ANNUAL),
                service("PLATINUM", JAN)));
        scenario.catalog.product(termed("PLATINUM")).rate(STANDARD, "PLATINUM", JAN, Rate.flat(eur("360.00")))
                .discount(auto("D1", DiscountValue.freePeriod(2, PeriodUnit.MONTHS), List.of("PLATINUM"),
                        new ApplicationLimit(1, null), Validity.ALWAYS, new DiscountCriteria(
                                new DiscountCriteria.BillingTermCriteria(null, List.of(BillingFrequency.ANNUAL), null),
                                List.of("GOLD-TV"), null, null, null, null), AppliedServiceType.NON_USAGE));

        BillDraft first = scenario.run(JAN).orElseThrow();

        assertThat(lines(first)).containsExactly("RECURRING PLATINUM 2026-01-01 2027-01-01 x1 360.00",
                "DISCOUNT D1 2026-01-01 2026-03-01 x1 -60.00");
        assertThat(first.total()).isEqualTo(eur("300.00"));
        BillLine discount = discountLine(first);
        assertThat(discount.reference()).isEqualTo("auto:D1");
        assertThat(discount.taxAmount()).isEqualTo(eur("-9.58")); // 60.00 x 19 / 119
        assertThat(discount.explanation().discounts()).containsExactly("definition D1", "value 2 months free",
                "lines 1 PLATINUM",
                "criteria billing frequency is one of [ANNUAL]; subscription type is one of [GOLD-TV]",
                "application 1 of 1");
        DiscountApplied applied = first.discounts().get(0);
        assertThat(applied.amount()).isEqualTo(eur("60.00"));
        assertThat(applied.applicationNumber()).isEqualTo(1);
        assertThat(applied.lines()).containsExactly("1 PLATINUM");
        assertThat(first.lines().get(0).explanation().discounts()).containsExactly("D1 -60.00");

        BillDraft second = scenario.run(date("2027-01-01")).orElseThrow();
        assertThat(second.total()).isEqualTo(eur("360.00"));
        assertThat(second.discounts()).isEmpty();
    }

    @Test
    void d1CriteriaThatDoNotHoldGiveNothing() {
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", JAN)));
        scenario.catalog.discount(auto("D1", DiscountValue.freePeriod(2, PeriodUnit.MONTHS), List.of("BASIC"), null,
                Validity.ALWAYS, new DiscountCriteria(new DiscountCriteria.BillingTermCriteria(null,
                        List.of(BillingFrequency.ANNUAL), null), null, null, null, null, null),
                AppliedServiceType.NON_USAGE));

        assertThat(scenario.run(JAN).orElseThrow().total()).isEqualTo(eur("30.00"));
    }

    @Test
    void aMaturityCriterionGivesTheDiscountFromTheFirstPeriodStartingAfterTheSubscriptionMatured() {
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", JAN)));
        scenario.catalog.discount(auto("LOYAL-45", DiscountValue.amount(eur("5.00")), List.of("BASIC"), null,
                Validity.ALWAYS, new DiscountCriteria(null, null, null, null, null, null, null,
                        new DiscountCriteria.Maturity(45, 0), null), AppliedServiceType.NON_USAGE));

        assertThat(scenario.run(JAN).orElseThrow().total()).isEqualTo(eur("30.00"));
        assertThat(scenario.run(date("2026-02-01")).orElseThrow().total()).isEqualTo(eur("30.00")); // 31 days
        BillDraft march = scenario.run(date("2026-03-01")).orElseThrow(); // 59 days
        assertThat(march.total()).isEqualTo(eur("25.00"));
        assertThat(discountLine(march).explanation().discounts()).contains(
                "criteria subscription matured above 45 days without an interruption over 0 days (59)");
    }

    @Test
    void d6LevelOneIsTakenFirstAndLevelTwoOnWhatRemains() {
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("PREMIUM", JAN)));
        scenario.account = BillingFixtures.account(Map.of(ConditionAttribute.ACCOUNT_CLASSIFICATION, "LOYAL"));
        var loyal = new DiscountCriteria(null, null, new DiscountCriteria.AccountCriteria(List.of("LOYAL"), null),
                null, null, null);
        scenario.catalog.product(termed("PREMIUM")).rate(STANDARD, "PREMIUM", JAN, Rate.flat(eur("100.00")))
                .discount(auto("D6-2", percent("20", 2), List.of("PREMIUM"), null, Validity.ALWAYS, loyal,
                        AppliedServiceType.NON_USAGE))
                .discount(auto("D6-1", percent("10", 1), List.of("PREMIUM"), null, Validity.ALWAYS, loyal,
                        AppliedServiceType.NON_USAGE));

        BillDraft bill = scenario.run(JAN).orElseThrow();

        assertThat(lines(bill)).containsExactly("RECURRING PREMIUM 2026-01-01 2026-02-01 x1 100.00",
                "DISCOUNT D6-1 2026-01-01 2026-02-01 x1 -10.00", "DISCOUNT D6-2 2026-01-01 2026-02-01 x1 -18.00");
        assertThat(bill.total()).isEqualTo(eur("72.00"));
        assertThat(discountLine(bill).explanation().discounts())
                .contains("criteria account classification is one of [LOYAL] or credit rating one of []");

        scenario.account = BillingFixtures.account(); // no longer LOYAL: the criteria do not hold
        assertThat(scenario.run(date("2026-02-01")).orElseThrow().total()).isEqualTo(eur("100.00"));
    }

    /**
     * One bill of two monthly periods (the bill run's first bill of a subscription created a month before): each
     * period gets its own application and discount line, each line named with the same definition, value and criteria
     * (checked and described once for the bill when they do not depend on the day) and its own application number.
     */
    @Test
    void twoPeriodsOnOneBillGetTwoApplicationsEachExplainedInFull() {
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("PREMIUM", JAN), service("BASIC", JAN)));
        var gold = new DiscountCriteria(null, List.of("GOLD-TV"), null, null, null, null);
        scenario.catalog.product(termed("PREMIUM")).product(termed("BASIC"))
                .rate(STANDARD, "PREMIUM", JAN, Rate.flat(eur("100.00")))
                .rate(STANDARD, "BASIC", JAN, Rate.flat(eur("30.00")))
                .discount(auto("TEN-GOLD", percent("10", 1), List.of("PREMIUM"), new ApplicationLimit(3,
                        PeriodUnit.YEARS), Validity.ALWAYS, gold, AppliedServiceType.NON_USAGE));

        BillDraft bill = scenario.run(date("2026-02-01")).orElseThrow();

        List<BillLine> discountLines = bill.lines().stream().filter(line -> line.kind() == BillLineKind.DISCOUNT)
                .toList();
        assertThat(discountLines).hasSize(2);
        assertThat(bill.total()).isEqualTo(eur("240.00")); // 2 x (100 + 30) less 2 x 10
        for (int i = 0; i < 2; i++) {
            BillLine line = discountLines.get(i);
            DiscountApplied applied = bill.discounts().get(i);
            BillLine discounted = bill.lines().get(Integer.parseInt(applied.lines().get(0).split(" ")[0]) - 1);
            assertThat(line.description()).isEqualTo("Discount TEN-GOLD: 10 % at level 1 (application " + (i + 1)
                    + ")");
            assertThat(line.amount()).isEqualTo(eur("-10.00"));
            assertThat(line.from()).isEqualTo(discounted.from());
            assertThat(applied.applicationNumber()).isEqualTo(i + 1);
            assertThat(applied.periodStart()).isEqualTo(JAN.plusMonths(i));
            assertThat(applied.lines()).containsExactly(discounted.lineNo() + " PREMIUM");
            assertThat(applied.criteria()).containsExactly("subscription type is one of [GOLD-TV]");
            assertThat(line.explanation().discounts()).containsExactly("definition TEN-GOLD",
                    "value 10 % at level 1", "lines " + discounted.lineNo() + " PREMIUM",
                    "criteria subscription type is one of [GOLD-TV]", "application " + (i + 1) + " of 3 per year");
            assertThat(discounted.explanation().discounts()).containsExactly("TEN-GOLD -10.00");
        }
    }

    @Test
    void twoPercentagesOfTheSameLevelTakeFromTheSameBase() {
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("PREMIUM", JAN)));
        scenario.catalog.product(termed("PREMIUM")).rate(STANDARD, "PREMIUM", JAN, Rate.flat(eur("100.00")))
                .discount(auto("TEN", percent("10", 1), "PREMIUM", null))
                .discount(auto("TWENTY", percent("20", 1), "PREMIUM", null));

        assertThat(scenario.run(JAN).orElseThrow().total()).isEqualTo(eur("70.00"));
    }

    @Test
    void anAmountNeverTakesALineBelowZeroAndWhatNoLineAbsorbsIsForfeited() {
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", JAN), service("PUB-TV", JAN)));
        scenario.catalog.discount(auto("FIFTY", DiscountValue.amount(eur("50.00")), List.of("BASIC", "PUB-TV"), null,
                Validity.ALWAYS, DiscountCriteria.NONE, AppliedServiceType.NON_USAGE))
                .discount(auto("HUNDRED-ON-BASIC", DiscountValue.amount(eur("100.00")), "BASIC", null));

        BillDraft bill = scenario.run(JAN).orElseThrow();

        // FIFTY (first by code) takes 30.00 of BASIC and 20.00 of PUB-TV; HUNDRED-ON-BASIC finds BASIC at zero
        assertThat(lines(bill)).containsExactly("RECURRING BASIC 2026-01-01 2026-02-01 x1 30.00",
                "RECURRING PUB-TV 2026-01-01 2026-02-01 x1 40.00", "DISCOUNT FIFTY 2026-01-01 2026-02-01 x1 -50.00");
        assertThat(bill.total()).isEqualTo(eur("20.00"));

        // a 100.00 amount on BASIC alone: 30.00 taken, 70.00 forfeited (not carried to the next period)
        var alone = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", JAN)));
        alone.catalog.discount(auto("HUNDRED-ON-BASIC", DiscountValue.amount(eur("100.00")), "BASIC", null));
        assertThat(alone.run(JAN).orElseThrow().total()).isEqualTo(eur("0.00"));
        BillDraft february = alone.run(date("2026-02-01")).orElseThrow();
        assertThat(february.total()).isEqualTo(eur("0.00"));
        assertThat(february.discounts()).extracting(DiscountApplied::amount).containsExactly(eur("30.00"));
    }

    @Test
    void anExpiredDefinitionIsNotApplied() {
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", JAN)));
        scenario.catalog.discount(auto("EXPIRED", percent("50", 1), List.of("BASIC"), null,
                new Validity(date("2015-01-01"), date("2020-01-01")), DiscountCriteria.NONE,
                AppliedServiceType.NON_USAGE));

        BillDraft bill = scenario.run(JAN).orElseThrow();

        assertThat(bill.total()).isEqualTo(eur("30.00"));
        assertThat(bill.discounts()).isEmpty();
    }

    @Test
    void threeApplicationsAYearAreCountedPerBillingPeriodAcrossTheYearBoundary() {
        LocalDate october = date("2026-10-01");
        var scenario = BillingScenario.given(created(october, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", october)));
        scenario.catalog.discount(auto("THREE-A-YEAR", percent("10", 1), "BASIC",
                new ApplicationLimit(3, PeriodUnit.YEARS)));

        List<String> totals = new java.util.ArrayList<>();
        List<Integer> numbers = new java.util.ArrayList<>();
        for (int month = 0; month < 7; month++) {
            BillDraft bill = scenario.run(october.plusMonths(month)).orElseThrow();
            totals.add(bill.total().amount().toPlainString());
            bill.discounts().forEach(applied -> numbers.add(applied.applicationNumber()));
        }

        // Oct, Nov, Dec 2026 use 2026's three; Jan, Feb, Mar 2027 2027's; April 2027 has none left
        assertThat(totals).containsExactly("27.00", "27.00", "27.00", "27.00", "27.00", "27.00", "30.00");
        assertThat(numbers).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aUsageBillInADiscountedPeriodDoesNotUseUpAnotherApplication() {
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", JAN)));
        scenario.catalog.discount(auto("TEN-ALL", percent("10", 1), List.of("BASIC", "BRAVEHEART"),
                new ApplicationLimit(2, null), Validity.ALWAYS, DiscountCriteria.NONE, AppliedServiceType.BOTH));

        scenario.run(JAN).orElseThrow();
        scenario.then(usage("u-1", LocalDateTime.parse("2026-01-10T20:00"), "5.00"));
        BillDraft usageBill = scenario.usageBill(date("2026-01-20")).orElseThrow();
        BillDraft february = scenario.run(date("2026-02-01")).orElseThrow();
        BillDraft march = scenario.run(date("2026-03-01")).orElseThrow();

        assertThat(usageBill.total()).isEqualTo(eur("4.50"));
        assertThat(usageBill.discounts()).extracting(DiscountApplied::applicationNumber).containsExactly(1);
        assertThat(february.discounts()).extracting(DiscountApplied::applicationNumber).containsExactly(2);
        assertThat(march.discounts()).isEmpty(); // two periods given: January (with its usage) and February
        assertThat(scenario.state.stream().discounts().get("auto:TEN-ALL").applicationsUsed()).isEqualTo(2);
    }

    @Test
    void usageCriteriaSelectTheUsageADiscountTakesFrom() {
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", JAN)));
        // half price on the weekend evenings' video on demand: 2026-01-10 is a Saturday, 2026-01-12 a Monday
        var weekendEvenings = new DiscountCriteria.UsageCriteria(List.of("NAGRA-VOD"), null,
                List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(18, 0), LocalTime.of(23, 0));
        scenario.catalog.discount(auto("WEEKEND-VOD", percent("50", 1), List.of("BRAVEHEART"), null,
                Validity.ALWAYS, new DiscountCriteria(null, null, null, null, null, null, null, null,
                        weekendEvenings), AppliedServiceType.USAGE));
        scenario.run(JAN).orElseThrow();
        scenario.then(usage("u-sat", LocalDateTime.parse("2026-01-10T20:00"), "5.00"));
        scenario.then(usage("u-sat-late", LocalDateTime.parse("2026-01-10T23:30"), "5.00"));
        scenario.then(usage("u-mon", LocalDateTime.parse("2026-01-12T20:00"), "5.00"));

        BillDraft usageBill = scenario.usageBill(date("2026-01-20")).orElseThrow();

        assertThat(usageBill.total()).isEqualTo(eur("12.50"));
        BillLine discount = discountLine(usageBill);
        assertThat(discount.amount()).isEqualTo(eur("-2.50"));
        assertThat(discount.explanation().discounts()).contains("lines 1 BRAVEHEART");
        assertThat(String.join(" ", discount.explanation().discounts())).contains("usage catalog one of [NAGRA-VOD]",
                "used on [SATURDAY, SUNDAY]", "used from 18:00 to 23:00");
    }

    @Test
    void anAdHocDiscountAddedMidPeriodReachesBillsOnlyOnceApprovedFromItsStart() {
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", JAN)));
        scenario.catalog.discount(new AdditiveDiscountDefinition("GOODWILL", "Goodwill", DiscountType.AD_HOC,
                DiscountClassification.SUBSCRIPTIONS, AppliedServiceType.NON_USAGE, DefinitionState.EFFECTIVE,
                DiscountValue.amountBetween(eur("5.00"), eur("20.00")),
                new DiscountedProducts(List.of("BASIC"), List.of(), null), Validity.ALWAYS,
                DiscountDuration.indefinitely(DurationStart.DATE_ADDED), new ApplicationLimit(3, PeriodUnit.YEARS),
                new Approval(true, List.of(), List.of("Care")), List.of(), DiscountCriteria.NONE));
        scenario.run(JAN).orElseThrow();
        scenario.then(new DiscountAdded(SUB, "d-1", "GOODWILL", DiscountType.AD_HOC,
                DiscountValue.amount(eur("7.50")), date("2026-01-15"), date("2026-01-15"), null,
                new ApplicationLimit(3, PeriodUnit.YEARS), DiscountStatus.PENDING_APPROVAL, null, null));

        assertThat(scenario.run(date("2026-02-01")).orElseThrow().total()).isEqualTo(eur("30.00"));
        scenario.then(new DiscountApproved(SUB, "d-1", date("2026-02-10"), null));
        BillDraft march = scenario.run(date("2026-03-01")).orElseThrow();

        assertThat(march.total()).isEqualTo(eur("22.50"));
        assertThat(discountLine(march).reference()).isEqualTo("d-1");
        assertThat(march.discounts()).extracting(DiscountApplied::discountId, DiscountApplied::applicationNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("d-1", 1));
    }

    @Test
    void b1ATwelveMonthYearBoughtInAdvanceWithThreeMonthsFreeIsOneBillOf180() {
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, VIP_PLAN, BillingFrequency.MONTHLY, null),
                service("BASIC", JAN)));
        scenario.account = BillingFixtures.account(Map.of(ConditionAttribute.ACCOUNT_CLASSIFICATION, "VIP"));
        scenario.catalog.discount(auto("B1", DiscountValue.freePeriod(3, PeriodUnit.MONTHS), List.of("BASIC"),
                new ApplicationLimit(1, null), new Validity(date("2015-01-01"), date("2030-01-01")),
                new DiscountCriteria(null, null, null, null, null, List.of(new MonthRange(12, 12))),
                AppliedServiceType.NON_USAGE));
        assertThat(scenario.run(JAN).orElseThrow().total()).isEqualTo(eur("20.00")); // not bought: no B1
        LocalDate feb = date("2026-02-01");
        scenario.then(new BuyInAdvanceRequested(SUB, ACC, "req-1", "GOLD-YEAR-AHEAD", 12, date("2026-01-15"), feb,
                feb.plusMonths(12), null));
        assertThat(scenario.nextBillingDate()).isEqualTo(date("2026-01-15"));
        BillDraft preview = scenario.preview(date("2026-01-15")).orElseThrow();

        BillDraft bought = scenario.bill(date("2026-01-15"), BillKind.BUY_IN_ADVANCE).orElseThrow();

        assertThat(bought.lines()).filteredOn(line -> line.kind() == BillLineKind.RECURRING).hasSize(12);
        assertThat(lines(bought)).last().isEqualTo("DISCOUNT B1 2026-02-01 2026-05-01 x1 -60.00");
        assertThat(bought.total()).isEqualTo(eur("180.00"));
        assertThat(bought.periodFrom()).isEqualTo(feb);
        assertThat(bought.periodTo()).isEqualTo(date("2027-02-01"));
        assertThat(bought.billedThrough()).isEqualTo(date("2027-02-01"));
        assertThat(bought.nextBillingDate()).isEqualTo(date("2027-02-01"));
        assertThat(discountLine(bought).explanation().discounts()).contains("criteria buy-in-advance duration "
                + "12-12 months");
        // a run bills the bought year nothing more; the next regular bill is after it, at 20.00 without B1
        assertThat(scenario.run(date("2026-06-01"))).isEmpty();
        assertThat(scenario.run(date("2027-02-01")).orElseThrow().total()).isEqualTo(eur("20.00"));
        assertThat(preview.lines()).isEqualTo(bought.lines());
    }

    @Test
    void aReRunGivesNoDiscountTwiceAndThePreviewIsTheBill() {
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", JAN)));
        scenario.catalog.discount(auto("TEN", percent("10", 1), "BASIC", null));

        BillDraft preview = scenario.preview(JAN).orElseThrow();
        BillDraft bill = scenario.run(JAN).orElseThrow();

        assertThat(preview).isEqualTo(bill);
        assertThat(scenario.run(JAN)).isEmpty();
        assertThat(scenario.state.stream().discounts().get("auto:TEN").applications()).hasSize(1);
    }
}
