package org.subledger.command.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.subledger.command.billing.BillingState;
import org.subledger.command.billing.ServiceEntry;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionStreamState;
import org.subledger.kernel.usage.OneOffChargeAdded;
import org.subledger.kernel.usage.UsageRecorded;
import org.subledger.platform.axon.StorageJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reader of the subscription stream comes to the same state ({@link SubscriptionStreamState}) on the same random
 * histories ({@link RandomSubscriptionHistories}): the Subscription aggregate folded by its event-sourcing handlers,
 * that aggregate written as a snapshot and read back, and billing's fold of the stream the bill writer and the bill
 * preview read. And what the aggregate decides with agrees with what billing bills: the services on the subscription
 * are billing's ongoing stays, on as many distributors, and the unbilled usage total is the unbilled records' sum.
 */
class SubscriptionStreamStateReadersTest {

    static final Serializer SNAPSHOTS = StorageJson.serializer();
    static final ObjectMapper JSON = StorageJson.objectMapper();

    @Test
    void theAggregateItsSnapshotAndBillingSeeWhatTheOneFoldSees() {
        var random = new Random(20261204);
        for (int run = 0; run < 400; run++) {
            String id = "sub-" + run;
            List<DomainEventMessage<?>> stream = messages(id, RandomSubscriptionHistories.history(id, random));
            JsonNode expected = tree(fold(stream));

            Subscription aggregate = aggregate(stream);
            SerializedObject<String> stored = SNAPSHOTS.serialize(aggregate, String.class);
            Subscription fromSnapshot = SNAPSHOTS.deserialize(stored);
            BillingState billing = BillingState.of(stream);

            assertThat(tree(aggregate.state())).as("aggregate, run %d", run).isEqualTo(expected);
            assertThat(tree(fromSnapshot.state())).as("snapshot, run %d", run).isEqualTo(expected);
            assertThat(SNAPSHOTS.serialize(fromSnapshot, String.class).getData()).as("snapshot, run %d", run)
                    .isEqualTo(stored.getData());
            assertThat(stored.getType().getRevision()).isEqualTo("7");
            assertThat(stored.getData()).as("no usage record in a snapshot, run %d", run).doesNotContain("\"r-");
            assertThat(aggregate.state().unbilledUsage()).as("aggregate, run %d", run)
                    .containsExactlyElementsOf(billing.unbilledUsage());
            assertThat(tree(billing.stream())).as("billing, run %d", run).isEqualTo(expected);
            assertThat(fromSnapshot.state().version()).isEqualTo(stream.size() - 1);
            billingAgreesWithTheAggregate(billing, fromSnapshot.state(), run);
        }
    }

    /**
     * A snapshot carries the unbilled usage's count and total, not its records: an aggregate read back from a
     * snapshot taken anywhere in the history, then folding the rest (bills that bill records from before the
     * snapshot among them), decides with what the whole fold has.
     */
    @Test
    void anAggregateReadBackFromASnapshotTakenAnywhereComesToTheWholeFold() {
        var random = new Random(20261206);
        var model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Subscription.class);
        for (int run = 0; run < 400; run++) {
            String id = "sub-" + run;
            List<DomainEventMessage<?>> stream = messages(id, RandomSubscriptionHistories.history(id, random));
            int at = random.nextInt(stream.size() + 1);
            Subscription partly = aggregate(stream.subList(0, at));
            Subscription fromSnapshot = SNAPSHOTS.deserialize(SNAPSHOTS.serialize(partly, String.class));
            stream.subList(at, stream.size()).forEach(message -> model.publish(message, fromSnapshot));
            BillingState billing = BillingState.of(stream);

            assertThat(tree(fromSnapshot.state())).as("run %d, snapshot at %d", run, at)
                    .isEqualTo(tree(fold(stream)));
            assertThat(fromSnapshot.state().unbilledUsageRecords()).as("run %d", run)
                    .isEqualTo(billing.unbilledUsage().size());
            billingAgreesWithTheAggregate(billing, fromSnapshot.state(), run);
        }
    }

    @Test
    void anEventAlreadyAppliedIsNotAppliedAgain() {
        var random = new Random(20261205);
        for (int run = 0; run < 50; run++) {
            String id = "sub-" + run;
            List<DomainEventMessage<?>> stream = messages(id, RandomSubscriptionHistories.history(id, random));
            var twice = fold(stream);
            stream.forEach(message -> twice.apply(message.getPayload(), message.getSequenceNumber()));

            assertThat(tree(twice)).isEqualTo(tree(fold(stream)));
        }
    }

    /** The two readings of the stream, the aggregate's and billing's, describe one subscription. */
    private static void billingAgreesWithTheAggregate(BillingState billing, SubscriptionStreamState aggregate,
                                                      int run) {
        assertThat(billing.subscriptionId()).isEqualTo(aggregate.subscriptionId());
        assertThat(billing.state()).isEqualTo(aggregate.state());
        assertThat(billing.billingTerms()).isEqualTo(aggregate.billingTerms());
        assertThat(billing.billingAnchor() != null).isEqualTo(aggregate.everEffective());
        if (aggregate.state() == SubscriptionState.TERMINATED) {
            assertThat(billing.services()).as("run %d", run).allMatch(entry -> entry.endsOn() != null);
        } else {
            Map<String, ServiceEntry> ongoing = billing.services().stream().filter(entry -> entry.endsOn() == null)
                    .collect(Collectors.toMap(ServiceEntry::productCode, entry -> entry));
            assertThat(ongoing.keySet()).as("run %d", run).isEqualTo(aggregate.services().keySet());
            for (SubscriptionService service : aggregate.services().values()) {
                ServiceEntry entry = ongoing.get(service.productCode());
                assertThat(entry.quantity()).as("run %d", run).isEqualTo(Math.max(1, service.quantity()));
                assertThat(entry.effectiveDate()).isEqualTo(service.effectiveDate());
            }
        }
        Money total = billing.unbilledUsage().stream().map(UsageRecorded::amount).reduce(Money::plus).orElse(null);
        assertThat(aggregate.unbilledUsageTotal()).as("run %d", run).isEqualTo(total);
        assertThat(aggregate.unbilledUsageRecords()).as("run %d", run).isEqualTo(billing.unbilledUsage().size());
        billing.unbilledOneOffCharges().stream().map(OneOffChargeAdded::chargeId)
                .forEach(chargeId -> assertThat(aggregate.hasOneOffCharge(chargeId)).isTrue());
    }

    /** The whole state as its snapshot writes it: every field, so two states compare field by field. */
    static JsonNode tree(SubscriptionStreamState state) {
        return JSON.valueToTree(state);
    }

    static List<DomainEventMessage<?>> messages(String subscriptionId, List<Object> events) {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            stream.add(new GenericDomainEventMessage<>("Subscription", subscriptionId, i, events.get(i)));
        }
        return stream;
    }

    static SubscriptionStreamState fold(List<DomainEventMessage<?>> stream) {
        var state = new SubscriptionStreamState();
        stream.forEach(message -> state.apply(message.getPayload(), message.getSequenceNumber()));
        return state;
    }

    private static Subscription aggregate(List<? extends DomainEventMessage<?>> stream) {
        var model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Subscription.class);
        Subscription subscription = new Subscription();
        stream.forEach(message -> model.publish(message, subscription));
        return subscription;
    }
}
