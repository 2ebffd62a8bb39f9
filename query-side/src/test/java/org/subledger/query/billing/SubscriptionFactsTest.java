package org.subledger.query.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.discount.DiscountApplication;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.DistributorAdded;
import org.subledger.kernel.subscription.ServiceAdded;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.usage.UsageRecorded;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a subscription's stream said when a bill was issued, and which event said it. */
class SubscriptionFactsTest {

    private static final String ID = "5b0e7c1e-0000-4000-8000-000000000002";
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final BillingTerms TERMS = new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.MONTHLY,
            JAN_1, JAN_1, null, null, null);

    private final List<DomainEventMessage<?>> stream = new ArrayList<>();

    @Test
    void namesTheEventBehindEachServiceDistributorUsageRecordAndDiscountOfTheBill() {
        String created = append(new SubscriptionCreated(ID, "ACC-1", "GOLD", SubscriptionState.EFFECTIVE, TERMS,
                "Nicosia", "Nicosia", List.of(new Distributor("STB-1", "NAGRA")),
                List.of(new SubscriptionService("PLATINUM", List.of(), JAN_1, JAN_1, JAN_1, Set.of("STB-1"))),
                List.of(), JAN_1, action(BehaviourCode.BECOME_SUBSCRIBER)));
        String second = append(new DistributorAdded(ID, new Distributor("STB-2", "NAGRA"), Set.of("PLATINUM"),
                JAN_1.plusDays(9), action(BehaviourCode.ADD_DISTRIBUTOR)));
        String usage = append(new UsageRecorded(ID, "ACC-1", "rec-1", "BRAVEHEART", "MOVIES", "PPV-MOVIES",
                LocalDateTime.of(2026, 1, 20, 21, 30), Money.of("3.00", "EUR"), null, JAN_1.plusDays(19),
                action(BehaviourCode.RECORD_USAGE)));
        String ignoredUsage = append(new UsageRecorded(ID, "ACC-1", "rec-other", "BRAVEHEART", "MOVIES",
                "PPV-MOVIES", LocalDateTime.of(2026, 1, 21, 21, 30), Money.of("3.00", "EUR"), null,
                JAN_1.plusDays(20), action(BehaviourCode.RECORD_USAGE)));
        String billed = append(new SubscriptionBilled(ID, "ACC-1", "bill-1", "2026-000001", "run-1",
                JAN_1.plusMonths(1), JAN_1.plusMonths(2), JAN_1.plusMonths(2), List.of(), List.of("rec-1"), List.of(),
                null));
        String applied = append(new DiscountApplied(ID, "auto:TENTH", "TENTH", "bill-1", JAN_1.plusMonths(1),
                JAN_1.plusMonths(2), Money.of("3.00", "EUR"), 1, List.of("1 PLATINUM"), List.of(), null));
        append(new ServiceAdded(ID, new SubscriptionService("GOLD", List.of(), JAN_1.plusMonths(1),
                JAN_1.plusMonths(1), JAN_1.plusMonths(1), Set.of("STB-1")), JAN_1.plusMonths(1),
                action(BehaviourCode.ADD_SERVICE)));

        var facts = SubscriptionFacts.of(stream.iterator(), "bill-1", Set.of("rec-1"));

        assertThat(facts.billed().eventId()).isEqualTo(billed);
        assertThat(facts.billingTerms().eventId()).isEqualTo(created);
        // the second distributor changed the service's quantity: that event is the service's latest source
        assertThat(facts.service("PLATINUM").eventId()).isEqualTo(second);
        assertThat(facts.service("PLATINUM").fact().distributorIds()).containsExactlyInAnyOrder("STB-1", "STB-2");
        assertThat(facts.distributor("STB-1").eventId()).isEqualTo(created);
        assertThat(facts.distributor("STB-2").eventId()).isEqualTo(second);
        assertThat(facts.usage("rec-1").eventId()).isEqualTo(usage);
        assertThat(facts.usage("rec-other")).as("not on this bill: " + ignoredUsage).isNull();
        assertThat(facts.discountsApplied()).extracting(Sourced::eventId).containsExactly(applied);
        assertThat(facts.service("GOLD")).as("added after the bill").isNull();
    }

    @Test
    void aBillOfRevisionTwoSourcesItsDiscountsFromItsOwnSubscriptionBilled() {
        append(new SubscriptionCreated(ID, "ACC-1", "GOLD", SubscriptionState.EFFECTIVE, TERMS, "Nicosia", "Nicosia",
                List.of(new Distributor("STB-1", "NAGRA")),
                List.of(new SubscriptionService("PLATINUM", List.of(), JAN_1, JAN_1, JAN_1, Set.of("STB-1"))),
                List.of(), JAN_1, action(BehaviourCode.BECOME_SUBSCRIBER)));
        var january = new DiscountApplied(ID, "auto:TENTH", "TENTH", "bill-1", JAN_1, JAN_1.plusMonths(1),
                Money.of("3.00", "EUR"), 1, List.of("1 PLATINUM"), List.of("subscription type GOLD"), null);
        var february = new DiscountApplied(ID, "auto:TENTH", "TENTH", "bill-1", JAN_1.plusMonths(1),
                JAN_1.plusMonths(2), Money.of("3.00", "EUR"), 2, List.of("2 PLATINUM"),
                List.of("subscription type GOLD"), null);
        String billed = append(new SubscriptionBilled(ID, "ACC-1", "bill-1", "2026-000001", "run-1",
                JAN_1.plusMonths(1), JAN_1.plusMonths(2), JAN_1.plusMonths(2), List.of(), List.of(), List.of(),
                null, List.of(DiscountApplication.of(january), DiscountApplication.of(february))));
        // a later bill's applications are not this bill's
        append(new SubscriptionBilled(ID, "ACC-1", "bill-2", "2026-000002", "run-2", JAN_1.plusMonths(2),
                JAN_1.plusMonths(3), JAN_1.plusMonths(3), List.of(), List.of(), List.of(), null,
                List.of(DiscountApplication.of(february))));

        var facts = SubscriptionFacts.of(stream.iterator(), "bill-1", Set.of());

        assertThat(facts.discountsApplied()).extracting(Sourced::fact).containsExactly(january, february);
        assertThat(facts.discountsApplied()).extracting(Sourced::eventId).containsExactly(billed, billed);
    }

    private String append(Object payload) {
        var event = new GenericDomainEventMessage<>("Subscription", ID, stream.size(), payload);
        stream.add(event);
        return event.getIdentifier();
    }

    private static SubscriptionAction action(BehaviourCode code) {
        return SubscriptionAction.of(code, null);
    }
}
