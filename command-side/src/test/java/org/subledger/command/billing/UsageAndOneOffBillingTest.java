package org.subledger.command.billing;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.BillingTiming;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.usage.UsageBillingDue;
import org.subledger.kernel.usage.UsageBillingReason;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.billing.BillingFixtures.ACC;
import static org.subledger.command.billing.BillingFixtures.ADVANCE;
import static org.subledger.command.billing.BillingFixtures.SUB;
import static org.subledger.command.billing.BillingFixtures.created;
import static org.subledger.command.billing.BillingFixtures.date;
import static org.subledger.command.billing.BillingFixtures.eur;
import static org.subledger.command.billing.BillingFixtures.oneOff;
import static org.subledger.command.billing.BillingFixtures.service;
import static org.subledger.command.billing.BillingFixtures.terms;
import static org.subledger.command.billing.BillingFixtures.usage;
import static org.subledger.command.billing.BillingScenario.lines;

/** Usage detail records and one-off charges (the worked examples P2-P5) on bills. */
class UsageAndOneOffBillingTest {

    private static final LocalDate APR_1 = date("2026-04-01");
    private static final LocalDate MAY_1 = date("2026-05-01");

    private static BillingScenario billedInApril() {
        var scenario = BillingScenario.given(created(APR_1, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", APR_1)));
        scenario.run(APR_1);
        return scenario;
    }

    @Test
    void ratesOneOffChargesByDurationAndQuantityOnTheNextBill() {
        var scenario = billedInApril().then(
                oneOff("c-1", "REPAIRS", 5, date("2026-04-10")),
                oneOff("c-2", "INSTALLATION", 5, date("2026-04-10")),
                oneOff("c-3", "ANTENNA", 3, date("2026-04-12")),
                oneOff("c-4", "DECODER", 3, date("2026-04-12")));

        var may = scenario.run(MAY_1).orElseThrow();

        assertThat(lines(may)).containsExactly(
                "RECURRING BASIC 2026-05-01 2026-06-01 x1 30.00",
                "ONE_OFF REPAIRS 2026-04-10 2026-04-10 x5 75.00",
                "ONE_OFF INSTALLATION 2026-04-10 2026-04-10 x5 80.00",
                "ONE_OFF ANTENNA 2026-04-12 2026-04-12 x3 24.00",
                "ONE_OFF DECODER 2026-04-12 2026-04-12 x3 27.00");
        assertThat(may.lines()).extracting(line -> line.lineNo()).containsExactly(1, 2, 3, 4, 5);
        assertThat(may.lines().get(1).reference()).isEqualTo("c-1");
        assertThat(may.oneOffChargeIds()).containsExactly("c-1", "c-2", "c-3", "c-4");
        assertThat(may.total()).isEqualTo(eur("236.00"));
        assertThat(may.periodFrom()).isEqualTo(date("2026-04-10"));
        assertThat(scenario.state.unbilledOneOffCharges()).isEmpty();
    }

    @Test
    void billsUsageAndChargesDatedUpToTheBillingDateOnly() {
        var scenario = billedInApril().then(
                usage("u-1", LocalDateTime.parse("2026-04-20T21:30"), "3.00"),
                usage("u-2", LocalDateTime.parse("2026-05-03T02:15"), "2.00"),
                oneOff("c-1", "ANTENNA", 1, date("2026-05-02")));

        var may = scenario.run(MAY_1).orElseThrow();

        assertThat(lines(may)).containsExactly(
                "RECURRING BASIC 2026-05-01 2026-06-01 x1 30.00",
                "USAGE BRAVEHEART 2026-04-20 2026-04-20 x1 3.00");
        assertThat(may.lines().get(1).reference()).isEqualTo("u-1");
        assertThat(may.lines().get(1).explanation().tiers()).hasSize(1);
        assertThat(may.usageRecordIds()).containsExactly("u-1");
        assertThat(scenario.state.unbilledUsage()).extracting(u -> u.recordId()).containsExactly("u-2");
        assertThat(may.nextBillingDate()).as("the waiting charge is due first").isEqualTo(date("2026-05-02"));
    }

    @Test
    void makesPendingUsageDueBeforeTheNextPeriod() {
        var scenario = billedInApril().then(usage("u-1", LocalDateTime.parse("2026-04-20T21:30"), "3.00"));

        assertThat(scenario.nextBillingDate()).isEqualTo(date("2026-04-20"));
        var bill = scenario.run(date("2026-04-20")).orElseThrow();

        assertThat(lines(bill)).containsExactly("USAGE BRAVEHEART 2026-04-20 2026-04-20 x1 3.00");
        assertThat(bill.billedThrough()).isEqualTo(MAY_1);
        assertThat(scenario.nextBillingDate()).isEqualTo(MAY_1);
    }

    @Test
    void billsOnlyUsageOnAUsageBillWhateverItsDate() {
        var scenario = billedInApril().then(
                usage("u-1", LocalDateTime.parse("2026-04-20T21:30"), "3.00"),
                usage("u-2", LocalDateTime.parse("2026-06-03T02:15"), "2.00"),
                oneOff("c-1", "ANTENNA", 1, date("2026-04-21")),
                new UsageBillingDue(SUB, ACC, UsageBillingReason.RECORD_THRESHOLD, eur("5.00"), 2, null));

        var usageBill = scenario.usageBill(date("2026-05-10")).orElseThrow();

        assertThat(usageBill.kind()).isEqualTo(BillKind.USAGE);
        assertThat(lines(usageBill)).containsExactly(
                "USAGE BRAVEHEART 2026-04-20 2026-04-20 x1 3.00",
                "USAGE BRAVEHEART 2026-06-03 2026-06-03 x1 2.00");
        assertThat(usageBill.services()).isEmpty();
        assertThat(usageBill.oneOffChargeIds()).isEmpty();
        assertThat(usageBill.billedThrough()).isEqualTo(MAY_1);
        assertThat(usageBill.periodFrom()).isEqualTo(date("2026-04-20"));
        assertThat(usageBill.periodTo()).isEqualTo(date("2026-06-03"));
        assertThat(usageBill.taxTotal()).isEqualTo(Money.zero(BillingFixtures.EUR));
        assertThat(scenario.usageBill(date("2026-05-10"))).as("nothing left").isEmpty();
        assertThat(lines(scenario.run(MAY_1).orElseThrow())).containsExactly(
                "RECURRING BASIC 2026-05-01 2026-06-01 x1 30.00",
                "ONE_OFF ANTENNA 2026-04-21 2026-04-21 x1 10.00");
    }

    /**
     * A usage bill is issued only while the usage is still due under the scheme (the rule the ask was decided by): a
     * mediation batch's ask can be decided on usage that the bill of an earlier ask is taking meanwhile.
     */
    @Test
    void aUsageBillIsDueOnlyWhileTheUnbilledUsageReachesTheSchemesThresholdOrIsPrepaid() {
        var limits = new BillingTermSchemeDefinition("LIMITS", "LIMITS", List.of(BillingFrequency.values()), 12,
                List.of(BillingFixtures.STANDARD), BillingFixtures.STANDARD, false, false, BillingTiming.IN_ADVANCE,
                eur("6.00"), 3, false);
        var prepaid = new BillingTermSchemeDefinition("PREPAY", "PREPAY", List.of(BillingFrequency.values()), 0,
                List.of(BillingFixtures.STANDARD), BillingFixtures.STANDARD, false, false, BillingTiming.IN_ADVANCE,
                null, null, true);
        var limited = BillingScenario.given(created(APR_1, terms("LIMITS", BillingFrequency.MONTHLY),
                service("BASIC", APR_1)));
        limited.catalog = limited.catalog.scheme(limits);
        assertThat(BillWriter.usageBillingDue(limited.state, limited.catalog)).as("nothing unbilled").isFalse();
        limited.then(usage("u-1", LocalDateTime.parse("2026-04-20T21:30"), "3.00"),
                usage("u-2", LocalDateTime.parse("2026-04-20T22:30"), "2.00"));
        assertThat(BillWriter.usageBillingDue(limited.state, limited.catalog)).as("5.00, 2 records").isFalse();
        limited.then(usage("u-3", LocalDateTime.parse("2026-04-20T23:30"), "0.50"));
        assertThat(BillWriter.usageBillingDue(limited.state, limited.catalog)).as("3 records").isTrue();
        limited.usageBill(date("2026-04-21")).orElseThrow();
        assertThat(BillWriter.usageBillingDue(limited.state, limited.catalog)).as("billed").isFalse();
        limited.then(usage("u-4", LocalDateTime.parse("2026-04-22T21:30"), "6.00"));
        assertThat(BillWriter.usageBillingDue(limited.state, limited.catalog)).as("6.00").isTrue();

        var paidFirst = BillingScenario.given(created(APR_1, terms("PREPAY", BillingFrequency.MONTHLY),
                service("BASIC", APR_1)));
        paidFirst.catalog = paidFirst.catalog.scheme(prepaid);
        assertThat(BillWriter.usageBillingDue(paidFirst.state, paidFirst.catalog)).as("nothing unbilled").isFalse();
        paidFirst.then(usage("u-1", LocalDateTime.parse("2026-04-20T21:30"), "3.00"));
        assertThat(BillWriter.usageBillingDue(paidFirst.state, paidFirst.catalog)).as("prepaid").isTrue();
    }
}
