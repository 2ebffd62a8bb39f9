package org.subledger.command.billing;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.AppliedServiceType;
import org.subledger.kernel.catalog.Approval;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.catalog.DiscountCriteria;
import org.subledger.kernel.catalog.DiscountDuration;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.DiscountedProducts;
import org.subledger.kernel.catalog.DurationStart;
import org.subledger.kernel.catalog.PeriodUnit;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.subscription.SubscriptionService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.billing.BillingFixtures.ADVANCE;
import static org.subledger.command.billing.BillingFixtures.STANDARD;
import static org.subledger.command.billing.BillingFixtures.created;
import static org.subledger.command.billing.BillingFixtures.date;
import static org.subledger.command.billing.BillingFixtures.eur;
import static org.subledger.command.billing.BillingFixtures.service;
import static org.subledger.command.billing.BillingFixtures.terms;
import static org.subledger.command.billing.BillingFixtures.usage;
import static org.subledger.command.billing.DiscountBillingTest.discountLine;
import static org.subledger.command.billing.DiscountBillingTest.lines;
import static org.subledger.command.billing.DiscountBillingTest.percent;
import static org.subledger.command.billing.DiscountBillingTest.termed;

/**
 * The discount step's usage totals per unit of time (the subscription's usage counted back from the billing date,
 * billed before and on the bill) and its restriction to components of a flexible bundle (their share of the bundle's
 * line, by their own rates, else by their number).
 */
class DiscountUsageTotalsAndBundlesTest {

    static final LocalDate JAN = date("2026-01-01");

    private static AdditiveDiscountDefinition definition(String code, DiscountValue value,
                                                         DiscountedProducts products, DiscountCriteria criteria,
                                                         AppliedServiceType applied) {
        return new AdditiveDiscountDefinition(code, code, DiscountType.AUTO_APPLY,
                DiscountClassification.SUBSCRIPTIONS, applied, DefinitionState.EFFECTIVE, value, products,
                Validity.ALWAYS, DiscountDuration.indefinitely(DurationStart.AGREEMENT_DATE), null, Approval.NONE,
                List.of(), criteria);
    }

    private static DiscountCriteria criteria(DiscountCriteria.UsageCriteria usage) {
        return new DiscountCriteria(null, null, null, null, null, null, null, null, usage);
    }

    private static DiscountCriteria.UsageCriteria totals(DiscountCriteria.UsageTotal quantity,
                                                         DiscountCriteria.UsageTotal amount) {
        return new DiscountCriteria.UsageCriteria(null, null, null, null, null, null, null, null, quantity, amount);
    }

    private static BillingScenario prepaidVod(DiscountCriteria criteria) {
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", JAN)));
        scenario.catalog.discount(definition("HEAVY-VIEWER", percent("50", 1),
                new DiscountedProducts(List.of("BRAVEHEART"), List.of(), null), criteria, AppliedServiceType.USAGE));
        scenario.run(JAN).orElseThrow();
        return scenario;
    }

    @Test
    void aTotalQuantityPerMonthCountsTheUsageBilledBeforeWithTheBills() {
        var scenario = prepaidVod(criteria(totals(new DiscountCriteria.UsageTotal(new BigDecimal("3"), null,
                PeriodUnit.MONTHS), null)));
        scenario.then(usage("u-1", LocalDateTime.parse("2026-01-05T20:00"), "4.00"));
        assertThat(scenario.usageBill(date("2026-01-05")).orElseThrow().total()).isEqualTo(eur("4.00"));
        scenario.then(usage("u-2", LocalDateTime.parse("2026-01-06T20:00"), "4.00"));
        assertThat(scenario.usageBill(date("2026-01-06")).orElseThrow().total()).isEqualTo(eur("4.00"));
        scenario.then(usage("u-3", LocalDateTime.parse("2026-01-07T20:00"), "4.00"));

        BillDraft third = scenario.usageBill(date("2026-01-07")).orElseThrow();

        assertThat(third.total()).isEqualTo(eur("2.00"));
        assertThat(discountLine(third).explanation().discounts())
                .contains("criteria usage any; usage records at least 3 per month (3)");
        // a month after the first two, only the third and a fourth count: 2 records, no discount
        scenario.then(usage("u-4", LocalDateTime.parse("2026-02-06T20:00"), "4.00"));
        assertThat(scenario.usageBill(date("2026-02-06")).orElseThrow().total()).isEqualTo(eur("4.00"));
    }

    @Test
    void aTotalUsageRangePerWeekHoldsOnlyInsideTheRange() {
        var scenario = prepaidVod(criteria(totals(null, new DiscountCriteria.UsageTotal(new BigDecimal("20.00"),
                new BigDecimal("30.00"), PeriodUnit.WEEKS))));
        scenario.then(usage("u-1", LocalDateTime.parse("2026-01-05T20:00"), "12.00"));
        assertThat(scenario.usageBill(date("2026-01-05")).orElseThrow().total()).isEqualTo(eur("12.00"));
        scenario.then(usage("u-2", LocalDateTime.parse("2026-01-08T20:00"), "10.00")); // 22.00 in the week

        BillDraft discounted = scenario.usageBill(date("2026-01-08")).orElseThrow();

        assertThat(discounted.total()).isEqualTo(eur("5.00"));
        assertThat(String.join(" ", discountLine(discounted).explanation().discounts()))
                .contains("usage amount at least 20.00, at most 30.00 per week (22.00)");
        scenario.then(usage("u-3", LocalDateTime.parse("2026-01-09T20:00"), "10.00")); // 32.00: above the range
        assertThat(scenario.usageBill(date("2026-01-09")).orElseThrow().total()).isEqualTo(eur("10.00"));
    }

    @Test
    void aDateWindowAndAUsageServiceTypeSelectTheUsageRecordsDiscounted() {
        var window = new DiscountCriteria.UsageCriteria(null, null, null, null, null, List.of("VOD"),
                LocalDateTime.parse("2026-01-10T00:00"), LocalDateTime.parse("2026-01-12T00:00"), null, null);
        var scenario = prepaidVod(criteria(window));
        scenario.then(usage("u-before", LocalDateTime.parse("2026-01-09T23:59"), "4.00"),
                usage("u-in", LocalDateTime.parse("2026-01-11T10:00"), "4.00"),
                usage("u-after", LocalDateTime.parse("2026-01-12T00:00"), "4.00"));

        BillDraft bill = scenario.usageBill(date("2026-01-20")).orElseThrow();

        assertThat(bill.total()).isEqualTo(eur("10.00"));
        assertThat(discountLine(bill).explanation().discounts()).contains("lines 2 BRAVEHEART");
        var otherType = new DiscountCriteria.UsageCriteria(null, null, null, null, null, List.of("MUSIC"), null,
                null, null, null);
        var none = prepaidVod(criteria(otherType));
        none.then(usage("u-1", LocalDateTime.parse("2026-01-11T10:00"), "4.00"));
        assertThat(none.usageBill(date("2026-01-20")).orElseThrow().discounts()).isEmpty();
    }

    private static BillingScenario bouquet(String es2Rate) {
        var bouquet = new SubscriptionService("BOUQUET", List.of("ES-1", "ES-2"), JAN, JAN, JAN, Set.of("box-1"));
        var scenario = BillingScenario.given(created(JAN, terms(ADVANCE, BillingFrequency.MONTHLY), bouquet,
                service("BASIC", JAN)));
        scenario.catalog.product(termed("BOUQUET")).product(termed("ES-1")).product(termed("ES-2"))
                .rate(STANDARD, "BOUQUET", JAN, Rate.flat(eur("8.00")))
                .rate(STANDARD, "ES-1", JAN, Rate.flat(eur("6.00")));
        if (es2Rate != null) {
            scenario.catalog.rate(STANDARD, "ES-2", JAN, Rate.flat(eur(es2Rate)));
        }
        return scenario;
    }

    @Test
    void aComponentOfAFlexibleBundleIsDiscountedOnItsShareOfTheBundlesLineByTheComponentsRates() {
        var scenario = bouquet("4.00"); // ES-1: 6.00 of 10.00, so 60 % of the bundle's 8.00 is 4.80
        scenario.catalog.discount(definition("ES1-HALF", percent("50", 1),
                        new DiscountedProducts(List.of("ES-1"), List.of(), "BOUQUET"), DiscountCriteria.NONE,
                        AppliedServiceType.NON_USAGE))
                .discount(definition("ES1-TEN-OFF", DiscountValue.amount(eur("10.00")),
                        new DiscountedProducts(List.of("ES-1"), List.of(), "BOUQUET"), DiscountCriteria.NONE,
                        AppliedServiceType.NON_USAGE));

        BillDraft bill = scenario.run(JAN).orElseThrow();

        // 50 % of the share, 2.40; then the amount up to the share, 4.80: the bundle line keeps ES-2's 3.20 only
        // less what the percentage took of the line (the amount takes what is left of the line, never its share
        // twice): 8.00 - 2.40 - 4.80 = 0.80
        assertThat(lines(bill)).containsExactly("RECURRING BOUQUET 2026-01-01 2026-02-01 x1 8.00",
                "RECURRING BASIC 2026-01-01 2026-02-01 x1 30.00",
                "DISCOUNT ES1-HALF 2026-01-01 2026-02-01 x1 -2.40",
                "DISCOUNT ES1-TEN-OFF 2026-01-01 2026-02-01 x1 -4.80");
        assertThat(bill.total()).isEqualTo(eur("30.80"));
    }

    @Test
    void aComponentWithoutARateOfItsOwnTakesAnEqualShareAndOtherLinesAreNotDiscounted() {
        var scenario = bouquet(null);
        scenario.catalog.discount(definition("ES1-HALF", percent("50", 1),
                new DiscountedProducts(List.of("ES-1"), List.of(), "BOUQUET"), DiscountCriteria.NONE,
                AppliedServiceType.NON_USAGE));

        BillDraft bill = scenario.run(JAN).orElseThrow();

        assertThat(discountLine(bill).amount()).isEqualTo(eur("-2.00")); // half of 8.00, halved
        assertThat(discountLine(bill).explanation().discounts()).contains("lines 1 BOUQUET");
    }
}
