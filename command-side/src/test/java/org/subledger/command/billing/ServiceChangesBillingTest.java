package org.subledger.command.billing;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.billing.ServiceCharged;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.subscription.ServiceSwapped;
import org.subledger.kernel.usage.BillingDirectiveSet;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.billing.BillingFixtures.ADVANCE;
import static org.subledger.command.billing.BillingFixtures.ARREARS;
import static org.subledger.command.billing.BillingFixtures.SUB;
import static org.subledger.command.billing.BillingFixtures.added;
import static org.subledger.command.billing.BillingFixtures.created;
import static org.subledger.command.billing.BillingFixtures.date;
import static org.subledger.command.billing.BillingFixtures.eur;
import static org.subledger.command.billing.BillingFixtures.removed;
import static org.subledger.command.billing.BillingFixtures.service;
import static org.subledger.command.billing.BillingFixtures.terminated;
import static org.subledger.command.billing.BillingFixtures.terms;
import static org.subledger.command.billing.BillingScenario.lines;

/** Services added, removed, swapped, credited or ignored between bills, and a subscription terminated. */
class ServiceChangesBillingTest {

    private static final LocalDate APR_1 = date("2026-04-01");
    private static final LocalDate MAY_1 = date("2026-05-01");
    private static final LocalDate JUN_1 = date("2026-06-01");

    private static BillingScenario subscribed(String scheme) {
        return BillingScenario.given(created(APR_1, terms(scheme, BillingFrequency.MONTHLY),
                service("BASIC", APR_1), service("PPV", APR_1)));
    }

    @Test
    void chargesAServiceAddedMidPeriodForTheRestOfThePeriodAndThePeriodAhead() {
        var scenario = subscribed(ADVANCE);
        scenario.run(APR_1);
        scenario.then(added(service("EUROSPORT-1", date("2026-04-14"))));

        var may = scenario.run(MAY_1).orElseThrow();

        assertThat(lines(may)).containsExactly(
                "RECURRING BASIC 2026-05-01 2026-06-01 x1 30.00",
                "RECURRING PPV 2026-05-01 2026-06-01 x1 5.00",
                "RECURRING EUROSPORT-1 2026-04-14 2026-05-01 x1 2.83",
                "RECURRING EUROSPORT-1 2026-05-01 2026-06-01 x1 5.00");
        var partial = may.lines().get(2).explanation();
        assertThat(partial.daysCharged()).isEqualTo(17L);
        assertThat(partial.daysInPeriod()).isEqualTo(30L);
        assertThat(partial.periodAmount()).isEqualTo(eur("5.00"));
        assertThat(may.lines().get(3).explanation().daysCharged()).isNull();
        assertThat(may.periodFrom()).isEqualTo(date("2026-04-14"));
        assertThat(may.periodTo()).isEqualTo(JUN_1);
        assertThat(may.total()).isEqualTo(eur("42.83"));
    }

    @Test
    void creditsTheUnusedDaysOfAServiceBilledInAdvanceAndRemovedMidPeriod() {
        var scenario = subscribed(ADVANCE);
        scenario.run(APR_1);
        scenario.then(removed("BASIC", date("2026-04-21")));
        assertThat(scenario.nextBillingDate()).as("the credit is due at once").isEqualTo(date("2026-04-21"));

        var credit = scenario.run(date("2026-04-21")).orElseThrow();

        assertThat(lines(credit)).containsExactly("CREDIT BASIC 2026-04-21 2026-05-01 x1 -10.00");
        assertThat(credit.services()).containsExactly(
                new ServiceCharged("BASIC", APR_1, date("2026-04-21"), eur("30.00")));
        assertThat(credit.billedThrough()).isEqualTo(MAY_1);
        assertThat(credit.nextBillingDate()).isEqualTo(MAY_1);
        assertThat(scenario.state.services()).extracting(ServiceEntry::productCode).containsExactly("PPV");
        assertThat(lines(scenario.run(MAY_1).orElseThrow())).containsExactly(
                "RECURRING PPV 2026-05-01 2026-06-01 x1 5.00");
    }

    @Test
    void chargesTheUsedDaysOfAServiceBilledInArrearsAndRemovedMidPeriod() {
        var scenario = subscribed(ARREARS);
        scenario.then(removed("BASIC", date("2026-04-21")));

        assertThat(lines(scenario.run(MAY_1).orElseThrow())).containsExactly(
                "RECURRING BASIC 2026-04-01 2026-04-21 x1 20.00",
                "RECURRING PPV 2026-04-01 2026-05-01 x1 5.00");
        assertThat(lines(scenario.run(JUN_1).orElseThrow())).containsExactly(
                "RECURRING PPV 2026-05-01 2026-06-01 x1 5.00");
    }

    @Test
    void swapsAServiceFromTheSwapDateOn() {
        var scenario = subscribed(ARREARS);
        scenario.then(new ServiceSwapped(SUB, "BASIC", service("EUROSPORT-1", date("2026-04-16")),
                date("2026-04-16"), null));

        assertThat(lines(scenario.run(MAY_1).orElseThrow())).containsExactly(
                "RECURRING BASIC 2026-04-01 2026-04-16 x1 15.00",
                "RECURRING PPV 2026-04-01 2026-05-01 x1 5.00",
                "RECURRING EUROSPORT-1 2026-04-16 2026-05-01 x1 2.50");
    }

    @Test
    void billsAProductAddedAgainAsASeparateStay() {
        var scenario = subscribed(ARREARS);
        scenario.then(removed("BASIC", date("2026-04-11")), added(service("BASIC", date("2026-04-21"))));

        var may = scenario.run(MAY_1).orElseThrow();

        assertThat(lines(may)).containsExactly(
                "RECURRING BASIC 2026-04-01 2026-04-11 x1 10.00",
                "RECURRING PPV 2026-04-01 2026-05-01 x1 5.00",
                "RECURRING BASIC 2026-04-21 2026-05-01 x1 10.00");
        assertThat(scenario.state.services()).extracting(ServiceEntry::billableFrom)
                .containsExactly(APR_1, date("2026-04-21"));
    }

    @Test
    void givesTheChargeOfACreditedServiceBackAndLeavesAnIgnoredServiceOut() {
        var scenario = subscribed(ADVANCE).then(
                new BillingDirectiveSet(SUB, "BASIC", BillingDirective.CREDIT, "outage", APR_1, null),
                new BillingDirectiveSet(SUB, "PPV", BillingDirective.IGNORE, "test box", APR_1, null));

        var april = scenario.run(APR_1).orElseThrow();

        assertThat(lines(april)).containsExactly("RECURRING BASIC 2026-04-01 2026-05-01 x1 -30.00");
        assertThat(april.lines().get(0).explanation().directive()).isEqualTo(BillingDirective.CREDIT);
        assertThat(april.total()).isEqualTo(eur("-30.00"));
        assertThat(april.taxTotal()).isEqualTo(eur("-4.79"));
    }

    @Test
    void billsATerminatedSubscriptionInAdvanceOneFinalCreditThenNothing() {
        var scenario = subscribed(ADVANCE);
        scenario.run(APR_1);
        scenario.then(terminated(date("2026-04-11")));
        assertThat(scenario.nextBillingDate()).isEqualTo(date("2026-04-11"));

        var last = scenario.run(date("2026-04-11")).orElseThrow();

        assertThat(lines(last)).containsExactly(
                "CREDIT BASIC 2026-04-11 2026-05-01 x1 -20.00",
                "CREDIT PPV 2026-04-11 2026-05-01 x1 -3.33");
        assertThat(last.nextBillingDate()).isNull();
        assertThat(scenario.nextBillingDate()).isNull();
        assertThat(scenario.run(MAY_1)).isEmpty();
        assertThat(scenario.run(date("2027-04-01"))).isEmpty();
    }

    @Test
    void billsATerminatedSubscriptionInArrearsUpToTheTerminationThenNothing() {
        var scenario = subscribed(ARREARS);
        scenario.then(terminated(date("2026-04-11")));
        assertThat(scenario.nextBillingDate()).isEqualTo(MAY_1);

        var last = scenario.run(MAY_1).orElseThrow();

        assertThat(lines(last)).containsExactly(
                "RECURRING BASIC 2026-04-01 2026-04-11 x1 10.00",
                "RECURRING PPV 2026-04-01 2026-04-11 x1 1.67");
        assertThat(last.billedThrough()).isEqualTo(date("2026-04-11"));
        assertThat(last.nextBillingDate()).isNull();
        assertThat(scenario.run(JUN_1)).isEmpty();
    }
}
