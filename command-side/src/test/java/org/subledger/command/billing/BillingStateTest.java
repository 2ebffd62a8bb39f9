package org.subledger.command.billing;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.ServiceCharged;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.subscription.BillingTermsAmended;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.subscription.SubscriptionReactivated;
import org.subledger.kernel.subscription.SubscriptionState;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.billing.BillingFixtures.ACC;
import static org.subledger.command.billing.BillingFixtures.ADVANCE;
import static org.subledger.command.billing.BillingFixtures.ARREARS;
import static org.subledger.command.billing.BillingFixtures.SUB;
import static org.subledger.command.billing.BillingFixtures.created;
import static org.subledger.command.billing.BillingFixtures.date;
import static org.subledger.command.billing.BillingFixtures.eur;
import static org.subledger.command.billing.BillingFixtures.removed;
import static org.subledger.command.billing.BillingFixtures.service;
import static org.subledger.command.billing.BillingFixtures.terms;
import static org.subledger.command.billing.BillingFixtures.usage;
import static org.subledger.command.billing.BillingScenario.lines;

/** The fold of a subscription's stream billing works from. */
class BillingStateTest {

    private static final LocalDate APR_1 = date("2026-04-01");

    @Test
    void leavesTheOriginalUnchangedWhenEventsAreAppliedToACopy() {
        var scenario = BillingScenario.given(created(APR_1, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", APR_1), service("PPV", APR_1)),
                usage("u-1", LocalDateTime.parse("2026-04-02T10:00"), "3.00"));
        var original = scenario.state;

        var copy = original.copy();
        copy.apply(new SubscriptionBilled(SUB, ACC, "b", "1", null, APR_1, date("2026-05-01"), date("2026-05-01"),
                List.of(new ServiceCharged("BASIC", APR_1, date("2026-05-01"), eur("30.00"))), List.of("u-1"),
                List.of(), null));
        copy.apply(removed("PPV", APR_1));

        assertThat(original.billedThrough()).isNull();
        assertThat(original.services()).extracting(ServiceEntry::productCode).containsExactly("BASIC", "PPV");
        assertThat(original.services().get(0).chargedThrough()).isNull();
        assertThat(original.unbilledUsage()).hasSize(1);
        assertThat(copy.services()).extracting(ServiceEntry::productCode).containsExactly("BASIC");
        assertThat(copy.services().get(0).chargedThrough()).isEqualTo(date("2026-05-01"));
        assertThat(copy.unbilledUsage()).isEmpty();
        assertThat(copy.nextBillingDateRecorded()).isEqualTo(date("2026-05-01"));
    }

    @Test
    void billsTheSameDraftInAPreviewAsInTheRunThatFollows() {
        var scenario = BillingScenario.given(created(APR_1, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", APR_1)));

        var preview = scenario.preview(APR_1).orElseThrow();

        assertThat(scenario.run(APR_1)).contains(preview);
    }

    @Test
    void billsADraftOnlyOnceActivatedAndFromTheActivationDate() {
        LocalDate drafted = date("2026-03-02");
        LocalDate activated = date("2026-03-10");
        var scenario = BillingScenario.given(new SubscriptionCreated(SUB, ACC, "GOLD-TV", SubscriptionState.DRAFT,
                terms(ARREARS, BillingFrequency.MONTHLY), null, null, List.of(new Distributor("box-1", "NAGRA")),
                List.of(service("BASIC", drafted)), null, drafted, null));
        assertThat(scenario.state.billingAnchor()).isNull();
        assertThat(scenario.nextBillingDate()).isNull();
        assertThat(BillCalculator.bill(scenario.state, scenario.account, scenario.catalog, date("2026-05-01"),
                BillKind.RUN, BillingRules.defaults())).isEmpty();

        scenario.then(new SubscriptionActivated(SUB, activated, List.of(service("BASIC", activated)), null));

        assertThat(scenario.state.billingAnchor()).isEqualTo(activated);
        assertThat(scenario.nextBillingDate()).isEqualTo(date("2026-04-10"));
        assertThat(lines(scenario.run(date("2026-04-10")).orElseThrow())).containsExactly(
                "RECURRING BASIC 2026-03-10 2026-04-10 x1 30.00");
    }

    @Test
    void followsTheSubscriptionsLifeCycleAndTerms() {
        var scenario = BillingScenario.given(created(APR_1, terms(ADVANCE, BillingFrequency.MONTHLY),
                service("BASIC", APR_1)));
        var state = scenario.state;
        assertThat(state.subscriptionId()).isEqualTo(SUB);
        assertThat(state.accountId()).isEqualTo(ACC);
        assertThat(state.subscriptionTypeCode()).isEqualTo("GOLD-TV");

        scenario.then(new SubscriptionDeactivated(SUB, APR_1, null));
        assertThat(state.state()).isEqualTo(SubscriptionState.DEACTIVATED);
        scenario.then(new SubscriptionReactivated(SUB, APR_1, null),
                new BillingTermsAmended(SUB, terms(ARREARS, BillingFrequency.QUARTERLY), APR_1, null),
                "an event billing does not know");

        assertThat(state.state()).isEqualTo(SubscriptionState.EFFECTIVE);
        assertThat(state.billingTerms().billingFrequency()).isEqualTo(BillingFrequency.QUARTERLY);
        assertThat(scenario.nextBillingDate()).isEqualTo(date("2026-07-01"));
    }

    @Test
    void keepsARemovedServiceUntilABillSettledIt() {
        var scenario = BillingScenario.given(created(APR_1, terms(ARREARS, BillingFrequency.MONTHLY),
                service("BASIC", APR_1)), removed("BASIC", date("2026-04-15")));
        assertThat(scenario.state.services()).hasSize(1);

        scenario.run(date("2026-05-01"));

        assertThat(scenario.state.services()).isEmpty();
    }

    @Test
    void dropsAServiceRemovedBeforeItWasEverBillable() {
        var scenario = BillingScenario.given(created(APR_1, terms(ARREARS, BillingFrequency.MONTHLY),
                service("BASIC", APR_1)), removed("BASIC", APR_1));

        assertThat(scenario.state.services()).isEmpty();
    }
}
