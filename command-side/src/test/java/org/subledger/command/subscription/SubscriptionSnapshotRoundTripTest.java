package org.subledger.command.subscription;

import org.subledger.kernel.subscription.SubscriptionCreated;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.usage.BillingDirectiveSet;
import org.subledger.platform.axon.StorageJson;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.action;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.eur;
import static org.subledger.command.subscription.SubscriptionUsageTest.billed;
import static org.subledger.command.subscription.SubscriptionUsageTest.cinemaFrom;
import static org.subledger.command.subscription.SubscriptionUsageTest.evening;

/**
 * A {@link Subscription} snapshot is its state written by the storage serializer (JSON, field visibility): every
 * field must come back as it was, or a subscription loaded from a snapshot would decide differently from one folded
 * from its events.
 */
class SubscriptionSnapshotRoundTripTest {

    @Test
    void aSubscriptionKeepsItsWholeStateThroughTheSnapshotSerializer() {
        var created = effective();
        var ownedBySales = new SubscriptionCreated(created.subscriptionId(), created.accountId(),
                created.subscriptionTypeCode(), created.state(), created.billingTerms(), created.location(),
                created.billingAddress(), created.distributors(), created.services(), created.installedItems(),
                created.createdOn(), created.action(), "SALES");
        Subscription subscription = folded(ownedBySales, cinemaFrom(DAY_ONE), evening("R1"), evening("R2"),
                billed("R1"), evening("R3"), SubscriptionChargesAndDirectivesTest.added("C1", "DECODER", 2),
                new BillingDirectiveSet(ID, "CINEMA", BillingDirective.CREDIT, "goodwill", DAY_ONE,
                        action(BehaviourCode.SET_BILLING_DIRECTIVE)));

        Serializer serializer = StorageJson.serializer();
        SerializedObject<String> stored = serializer.serialize(subscription, String.class);
        Subscription back = serializer.deserialize(stored);

        assertThat(stored.getType().getRevision()).as("snapshot revision").isEqualTo("7");
        assertThat(serializer.serialize(back, String.class).getData()).isEqualTo(stored.getData());
        assertThat(stored.getData()).contains(ID, "CINEMA", "C1", "CREDIT", "SALES")
                .doesNotContain("\"R1\"", "\"R2\"", "\"R3\"");
        assertThat(back.state().unbilledUsageRecords()).isEqualTo(2);
        assertThat(back.state().unbilledUsageTotal()).isEqualTo(subscription.state().unbilledUsageTotal());
    }

    /**
     * Issue 17: a snapshot's size does not grow with the usage recorded, so a subscription that holds 10,000
     * unbilled records is snapshotted at the cost of one that holds ten (it used to carry every record).
     */
    @Test
    void aSnapshotIsAsLargeWithTenThousandUnbilledRecordsAsWithTen() {
        Serializer serializer = StorageJson.serializer();
        int ten = serializer.serialize(withUsage(10), String.class).getData().length();
        Subscription busy = withUsage(10_000);
        String stored = serializer.serialize(busy, String.class).getData();
        Subscription back = serializer.deserialize(serializer.serialize(busy, String.class));

        assertThat(stored.length()).isLessThan(ten + 100);
        assertThat(back.state().unbilledUsageRecords()).isEqualTo(10_000);
        assertThat(back.state().unbilledUsageTotal()).isEqualTo(eur("30000.00"));
    }

    private static Subscription withUsage(int records) {
        List<Object> events = new java.util.ArrayList<>(List.of(effective(), cinemaFrom(DAY_ONE)));
        for (int i = 0; i < records; i++) {
            events.add(evening("R" + i));
        }
        return folded(events.toArray());
    }

    private static Subscription folded(Object... events) {
        var model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Subscription.class);
        Subscription subscription = new Subscription();
        long sequence = 0;
        for (Object event : List.of(events)) {
            model.publish(new GenericDomainEventMessage<>("Subscription", ID, sequence++, event), subscription);
        }
        return subscription;
    }
}
