package org.subledger.command.account;

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
import static org.subledger.command.account.AccountTest.ID;
import static org.subledger.command.account.AccountTest.charged;
import static org.subledger.command.account.AccountTest.opened;

/**
 * An account's snapshot is its cached copy when that copy is the stream's latest state (no re-read of the postings
 * since the last snapshot); behind the stream, uncached, or another aggregate type, Axon's snapshotter takes it. A
 * snapshot taken from the cache loads into the same state as the stream's fold.
 */
class AccountSnapshotterTest {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final BoundedLruCache cache = new BoundedLruCache(10);
    private final AggregateModel<Account> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Account.class);
    private final List<String> handedToAxon = new ArrayList<>();
    private final CachedAggregateSnapshotter snapshotter = new CachedAggregateSnapshotter(Account.class,
            (type, id) -> handedToAxon.add(type.getSimpleName() + "/" + id), eventStore,
            NoTransactionManager.INSTANCE, cache);
    private final List<Object> payloads = List.of(opened(), charged("P1", "10.00", "10.00"),
            charged("P2", "5.00", "15.00"), charged("P3", "2.50", "17.50"));
    /** The stored messages (their timestamps are the postings' times, so every fold of them agrees). */
    private final List<DomainEventMessage<?>> history = new ArrayList<>();

    @BeforeEach
    void history() {
        for (int i = 0; i < payloads.size(); i++) {
            history.add(new GenericDomainEventMessage<>("Account", ID, i, payloads.get(i)));
        }
        history.forEach(eventStore::publish);
    }

    @AfterEach
    void stop() {
        eventStore.shutDown();
    }

    @Test
    void theCachedAccountIsTheSnapshotWhenItIsTheLatest() {
        Account cached = cache(history);

        snapshotter.scheduleSnapshot(Account.class, ID);

        DomainEventMessage<?> snapshot = storage.readSnapshot(ID).orElseThrow();
        assertThat(handedToAxon).isEmpty();
        assertThat(snapshot.getPayload()).isSameAs(cached);
        assertThat(snapshot.getSequenceNumber()).isEqualTo(history.size() - 1);
        assertThat(snapshot.getType()).isEqualTo("Account");
        assertThat(cached.state()).usingRecursiveComparison().isEqualTo(fold(history).state());
    }

    @Test
    void aCachedAccountBehindTheStreamIsLeftToAxonsSnapshotter() {
        cache(history.subList(0, history.size() - 1));

        snapshotter.scheduleSnapshot(Account.class, ID);

        assertThat(handedToAxon).containsExactly("Account/" + ID);
        assertThat(storage.readSnapshot(ID)).isEmpty();
    }

    @Test
    void anUncachedAccountAndAnotherAggregateTypeAreLeftToAxonsSnapshotter() {
        snapshotter.scheduleSnapshot(Account.class, ID);
        cache(history);
        snapshotter.scheduleSnapshot(String.class, ID);

        assertThat(handedToAxon).containsExactly("Account/" + ID, "String/" + ID);
        assertThat(storage.readSnapshot(ID)).isEmpty();
    }

    private Account fold(List<DomainEventMessage<?>> events) {
        Account root = new Account();
        events.forEach(event -> model.publish(event, root));
        return root;
    }

    private Account cache(List<DomainEventMessage<?>> events) {
        Account root = fold(events);
        var aggregate = EventSourcedAggregate.reconstruct(root, model, events.size() - 1, false, eventStore, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        cache.put(ID, new AggregateCacheEntry<>(aggregate));
        return root;
    }
}
