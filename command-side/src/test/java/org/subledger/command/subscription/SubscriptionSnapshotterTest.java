package org.subledger.command.subscription;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.command.web.BoundedLruCache;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionUsageTest.billed;
import static org.subledger.command.subscription.SubscriptionUsageTest.cinemaFrom;
import static org.subledger.command.subscription.SubscriptionUsageTest.evening;

/**
 * The subscription snapshotter takes the cached subscription as its snapshot when it is the stream's latest state,
 * and folds the stream as Axon does when it is not (another writer appended since): both come to the fold's state.
 */
class SubscriptionSnapshotterTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final BoundedLruCache cache = new BoundedLruCache(10);
    private final AggregateModel<Subscription> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(
            Subscription.class);
    private SubscriptionSnapshotter snapshotter;
    private final List<Object> history = List.of(effective(), cinemaFrom(DAY_ONE), evening("R1"), evening("R2"),
            billed("R1"), evening("R3"));

    @BeforeEach
    void snapshotter() {
        var builder = AggregateSnapshotter.builder().transactionManager(NoTransactionManager.INSTANCE)
                .parameterResolverFactory(ClasspathParameterResolverFactory.forClass(Subscription.class))
                .handlerDefinition(ClasspathHandlerDefinition.forClass(Subscription.class))
                .aggregateFactories(new GenericAggregateFactory<>(Subscription.class));
        snapshotter = new SubscriptionSnapshotter(builder, eventStore, cache);
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

        DomainEventMessage<?> snapshot = snapshot();

        assertThat(snapshot.getPayload()).isSameAs(cached);
        assertThat(snapshot.getSequenceNumber()).isEqualTo(history.size() - 1);
        assertThat(snapshot.getAggregateIdentifier()).isEqualTo(ID);
        assertThat(snapshot.getType()).isEqualTo("Subscription");
    }

    @Test
    void aCachedSubscriptionBehindTheStreamIsNotTheSnapshotTheStreamIsFolded() {
        Subscription cached = cache(history.subList(0, history.size() - 1));

        DomainEventMessage<?> snapshot = snapshot();

        assertThat(snapshot.getPayload()).isNotSameAs(cached);
        assertThat(snapshot.getSequenceNumber()).isEqualTo(history.size() - 1);
        assertThat(SubscriptionStreamStateReadersTest.tree(((Subscription) snapshot.getPayload()).state()))
                .isEqualTo(SubscriptionStreamStateReadersTest.tree(fold(history).state()));
    }

    @Test
    void anUncachedSubscriptionIsFolded() {
        DomainEventMessage<?> snapshot = snapshot();

        assertThat(((Subscription) snapshot.getPayload()).state().unbilledUsageRecords()).isEqualTo(2);
        assertThat(snapshot.getSequenceNumber()).isEqualTo(history.size() - 1);
    }

    private DomainEventMessage<?> snapshot() {
        return snapshotter.createSnapshot(Subscription.class, ID, eventStore.readEvents(ID));
    }

    private Subscription cache(List<Object> events) {
        Subscription root = fold(events);
        var aggregate = EventSourcedAggregate.reconstruct(root, model, events.size() - 1, false, eventStore, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        cache.put(ID, new AggregateCacheEntry<>(aggregate));
        return root;
    }

    private Subscription fold(List<Object> events) {
        Subscription subscription = new Subscription();
        for (int i = 0; i < events.size(); i++) {
            model.publish(new GenericDomainEventMessage<>("Subscription", ID, i, events.get(i)), subscription);
        }
        return subscription;
    }
}
