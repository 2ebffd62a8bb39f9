package org.subledger.command.subscription;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.subledger.command.account.AccountSnapshot;
import org.subledger.command.account.RandomAccountHistories;
import org.subledger.kernel.account.AccountClassificationChanged;
import org.subledger.kernel.account.AccountState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookup skips postings it does not need and starts from the Account aggregate's snapshot when there is one: on
 * random histories, with a snapshot taken at a random point or none, it still sees what the one fold
 * ({@link AccountState}) sees of the whole stream.
 */
class AccountLookupReadersTest {

    final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final EventStoreSubscriptionLookup lookup = new EventStoreSubscriptionLookup(eventStore,
            (plan, product, on) -> Optional.empty(), prefix -> List.of());

    /** What the Account aggregate's snapshot offers other readers. */
    record Snapshot(AccountState state) implements AccountSnapshot {
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    @Test
    void seesWhatTheOneFoldSeesWithOrWithoutASnapshot() {
        var random = new Random(20261202);
        for (int run = 0; run < 300; run++) {
            String id = "acc-" + run;
            List<Object> events = RandomAccountHistories.history(id, random);
            var full = new AccountState();
            var upToSnapshot = new AccountState();
            int snapshotAfter = random.nextInt(events.size() + 1) - 1; // -1: no snapshot
            for (int i = 0; i < events.size(); i++) {
                var message = new GenericDomainEventMessage<>("Account", id, i, events.get(i));
                eventStore.publish(message);
                full.apply(message.getPayload(), i, message.getTimestamp());
                if (i <= snapshotAfter) {
                    upToSnapshot.apply(message.getPayload(), i, message.getTimestamp());
                }
            }
            if (snapshotAfter >= 0) {
                eventStore.storeSnapshot(new GenericDomainEventMessage<>("Account", id, snapshotAfter,
                        new Snapshot(upToSnapshot)));
            }

            assertThat(lookup.account(id)).as("run %d, snapshot after %d", run, snapshotAfter)
                    .contains(new AccountFacts(id, full.type(), full.currency(), full.classification(),
                            full.creditRating(), full.address(), full.closed(), full.balance(), full.creditLimit()));
        }
    }

    @Test
    void startsFromTheSnapshotRatherThanTheEventsBeforeIt() {
        var opened = EventStoreSubscriptionLookupTest.opened("acc-s");
        eventStore.publish(new GenericDomainEventMessage<>("Account", "acc-s", 0, opened));
        // a snapshot that says something the events do not: only a reader that starts from it sees VIP
        var snapshot = new AccountState().apply(opened, 0, Instant.EPOCH);
        snapshot.apply(new AccountClassificationChanged("acc-s", "RESIDENTIAL", "VIP"), 1, Instant.EPOCH);
        eventStore.storeSnapshot(new GenericDomainEventMessage<>("Account", "acc-s", 0, new Snapshot(snapshot)));

        assertThat(lookup.account("acc-s")).map(AccountFacts::classification).contains("VIP");
    }
}
