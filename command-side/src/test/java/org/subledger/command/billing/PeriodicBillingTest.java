package org.subledger.command.billing;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.BillingFrequency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.billing.BillingFixtures.ADVANCE;
import static org.subledger.command.billing.BillingFixtures.ARREARS;
import static org.subledger.command.billing.BillingFixtures.NET_30;
import static org.subledger.command.billing.BillingFixtures.created;
import static org.subledger.command.billing.BillingFixtures.date;
import static org.subledger.command.billing.BillingFixtures.eur;
import static org.subledger.command.billing.BillingFixtures.service;
import static org.subledger.command.billing.BillingFixtures.terms;
import static org.subledger.command.billing.BillingScenario.lines;

/** A clock walked month by month through a year of bills, in advance and in arrears, monthly and annual. */
class PeriodicBillingTest {

    private static final LocalDate ANCHOR = date("2026-01-31");

    /** Boundaries from the anchor, never chained: Jan 31, Feb 28, Mar 31, Apr 30, ... */
    private static LocalDate boundary(int k) {
        return ANCHOR.plusMonths(k);
    }

    @Test
    void billsAMonthlyServiceInAdvanceEachMonthForTheMonthAhead() {
        var scenario = BillingScenario.given(created(ANCHOR, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", ANCHOR)));
        assertThat(scenario.nextBillingDate()).isEqualTo(ANCHOR);

        for (int n = 0; n <= 12; n++) {
            LocalDate billingDate = boundary(n);
            var draft = scenario.run(billingDate).orElseThrow();

            assertThat(lines(draft)).containsExactly(
                    "RECURRING BASIC " + boundary(n) + " " + boundary(n + 1) + " x1 30.00");
            assertThat(draft.total()).isEqualTo(eur("30.00"));
            assertThat(draft.taxTotal()).isEqualTo(eur("4.79"));
            assertThat(draft.billedThrough()).isEqualTo(boundary(n + 1));
            assertThat(draft.nextBillingDate()).isEqualTo(boundary(n + 1));
            assertThat(draft.dueDate()).isEqualTo(billingDate.plusDays(14));
            assertThat(draft.periodFrom()).isEqualTo(boundary(n));
            assertThat(draft.periodTo()).isEqualTo(boundary(n + 1));
            assertThat(scenario.run(billingDate)).as("a second run on the same day").isEmpty();
            assertThat(scenario.run(billingDate.plusDays(10))).as("a run before the next period").isEmpty();
        }
        assertThat(boundary(1)).isEqualTo(date("2026-02-28"));
        assertThat(boundary(2)).isEqualTo(date("2026-03-31"));
    }

    @Test
    void aBillIsDueAfterThePaymentTermOfItsScheme() {
        var scenario = BillingScenario.given(created(ANCHOR, terms(NET_30, BillingFrequency.MONTHLY),
                service("BASIC", ANCHOR)));

        var draft = scenario.run(ANCHOR).orElseThrow();

        assertThat(draft.dueDate()).isEqualTo(ANCHOR.plusDays(30));
    }

    @Test
    void billsAMonthlyServiceInArrearsEachMonthForTheMonthPast() {
        var scenario = BillingScenario.given(created(ANCHOR, terms(ARREARS, BillingFrequency.MONTHLY),
                service("BASIC", ANCHOR)));
        assertThat(scenario.nextBillingDate()).isEqualTo(boundary(1));
        assertThat(scenario.run(ANCHOR)).as("nothing is owed on the first day").isEmpty();

        for (int n = 1; n <= 12; n++) {
            var draft = scenario.run(boundary(n)).orElseThrow();

            assertThat(lines(draft)).containsExactly(
                    "RECURRING BASIC " + boundary(n - 1) + " " + boundary(n) + " x1 30.00");
            assertThat(draft.billedThrough()).isEqualTo(boundary(n));
            assertThat(draft.nextBillingDate()).isEqualTo(boundary(n + 1));
            assertThat(scenario.run(boundary(n))).as("a second run on the same day").isEmpty();
        }
    }

    @Test
    void billsAnAnnualServiceInAdvanceOnceAtTheStartAndAgainAfterTwelveMonths() {
        LocalDate start = date("2026-01-01");
        var scenario = BillingScenario.given(created(start, terms(ADVANCE, BillingFrequency.ANNUAL),
                service("BASIC", start)));

        List<String> billed = monthlyRuns(scenario, start);

        assertThat(billed).containsExactly(
                "2026-01-01: RECURRING BASIC 2026-01-01 2027-01-01 x1 30.00",
                "2027-01-01: RECURRING BASIC 2027-01-01 2028-01-01 x1 30.00");
        assertThat(scenario.nextBillingDate()).isEqualTo(date("2028-01-01"));
    }

    @Test
    void billsAnAnnualServiceInArrearsAfterTwelveMonths() {
        LocalDate start = date("2026-01-01");
        var scenario = BillingScenario.given(created(start, terms(ARREARS, BillingFrequency.ANNUAL),
                service("BASIC", start)));

        assertThat(monthlyRuns(scenario, start)).containsExactly(
                "2027-01-01: RECURRING BASIC 2026-01-01 2027-01-01 x1 30.00");
        assertThat(scenario.nextBillingDate()).isEqualTo(date("2028-01-01"));
    }

    @Test
    void billsAQuarterlyServiceInAdvanceEveryThreeMonths() {
        LocalDate start = date("2026-01-15");
        var scenario = BillingScenario.given(created(start, terms(ADVANCE, BillingFrequency.QUARTERLY),
                service("BASIC", start)));

        assertThat(monthlyRuns(scenario, start)).containsExactly(
                "2026-01-15: RECURRING BASIC 2026-01-15 2026-04-15 x1 30.00",
                "2026-04-15: RECURRING BASIC 2026-04-15 2026-07-15 x1 30.00",
                "2026-07-15: RECURRING BASIC 2026-07-15 2026-10-15 x1 30.00",
                "2026-10-15: RECURRING BASIC 2026-10-15 2027-01-15 x1 30.00",
                "2027-01-15: RECURRING BASIC 2027-01-15 2027-04-15 x1 30.00");
    }

    /** Runs once a month for 13 months from {@code start}; lists each line billed as "date: line". */
    private static List<String> monthlyRuns(BillingScenario scenario, LocalDate start) {
        List<String> billed = new ArrayList<>();
        for (int n = 0; n <= 12; n++) {
            LocalDate on = start.plusMonths(n);
            Optional<BillDraft> draft = scenario.run(on);
            draft.ifPresent(bill -> lines(bill).forEach(line -> billed.add(on + ": " + line)));
        }
        return billed;
    }
}
