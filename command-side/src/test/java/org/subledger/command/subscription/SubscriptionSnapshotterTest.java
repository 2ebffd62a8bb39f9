package org.subledger.command.subscription;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.command.eventstore.CachedAggregateSnapshotter;
import org.subledger.command.web.BoundedLruCache;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionUsageTest.billed;
import static org.subledger.command.subscription.SubscriptionUsageTest.cinemaFrom;
import static org.subledger.command.subscription.SubscriptionUsageTest.evening;

/**
 * The subscription snapshotter stores the cached subscription as its snapshot when it is the stream's latest state,
 * and hands the snapshot to Axon's snapshotter (which folds the stream) when it is not cached or behind the stream.
 */
class SubscriptionSnapshotterTest {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final BoundedLruCache cache = new BoundedLruCache(10);
    private final AggregateModel<Subscription> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(
            Subscription.class);
    private final List<String> handedToAxon = new ArrayList<>();
    private final CachedAggregateSnapshotter snapshotter = new CachedAggregateSnapshotter(Subscription.class,
            (type, id) -> handedToAxon.add(id), eventStore, NoTransactionManager.INSTANCE, cache);
    private final List<Object> history = List.of(effective(), cinemaFrom(DAY_ONE), evening("R1"), evening("R2"),
            billed("R1"), evening("R3"));

    @BeforeEach
    void history() {
        for (int i = 0; i < history.size(); i++) {
            eventStore.publish(new GenericDomainEventMessage<>("Subscription", ID, i, history.get(i)));
        }
    }

    @AfterEach
    void stop() {
        eventStore.shutDown();
    }

    @Test
    void theCachedSubscriptionIsTheSnapshotWhenItIsTheLatest() {
        Subscription cached = cache(history);

        snapshotter.scheduleSnapshot(Subscription.class, ID);

        DomainEventMessage<?> snapshot = storage.readSnapshot(ID).orElseThrow();
        assertThat(handedToAxon).isEmpty();
        assertThat(snapshot.getPayload()).isSameAs(cached);
        assertThat(snapshot.getSequenceNumber()).isEqualTo(history.size() - 1);
        assertThat(snapshot.getType()).isEqualTo("Subscription");
        assertThat(cached.state().unbilledUsageRecords()).isEqualTo(2);
    }

    @Test
    void aCachedSubscriptionBehindTheStreamIsLeftToAxonsSnapshotter() {
        cache(history.subList(0, history.size() - 1));

        snapshotter.scheduleSnapshot(Subscription.class, ID);

        assertThat(handedToAxon).containsExactly(ID);
        assertThat(storage.readSnapshot(ID)).isEmpty();
    }

    @Test
    void anUncachedSubscriptionIsLeftToAxonsSnapshotter() {
        snapshotter.scheduleSnapshot(Subscription.class, ID);

        assertThat(handedToAxon).containsExactly(ID);
        assertThat(storage.readSnapshot(ID)).isEmpty();
    }

    private Subscription cache(List<Object> events) {
        Subscription root = new Subscription();
        for (int i = 0; i < events.size(); i++) {
            model.publish(new GenericDomainEventMessage<>("Subscription", ID, i, events.get(i)), root);
        }
        var aggregate = EventSourcedAggregate.reconstruct(root, model, events.size() - 1, false, eventStore, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        cache.put(ID, new AggregateCacheEntry<>(aggregate));
        return root;
    }
}
