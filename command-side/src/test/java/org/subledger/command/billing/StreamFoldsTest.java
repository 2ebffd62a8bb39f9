package org.subledger.command.billing;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.subledger.command.account.RandomAccountHistories;
import org.subledger.command.subscription.RandomSubscriptionHistories;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.SubscriptionStreamState;
import org.subledger.kernel.usage.UsageRecorded;
import org.subledger.platform.axon.StorageJson;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The folds usage bills keep ({@link StreamFolds}) are the folds of the whole streams, whatever was appended between
 * two bills, and bringing one up to date reads only what was appended since.
 */
class StreamFoldsTest {

    @Test
    void aKeptFoldBroughtUpToDateIsTheFoldOfTheWholeStreamAndReadsOnlyWhatCameSince() {
        var random = new Random(20261206);
        for (int run = 0; run < 200; run++) {
            String subscriptionId = "sub-" + run;
            String accountId = "acc-" + run;
            var store = new Store();
            List<Object> subscriptionHistory = RandomSubscriptionHistories.history(subscriptionId, random);
            List<Object> accountHistory = RandomAccountHistories.history(accountId, random);
            var folds = new StreamFolds(store, 16);
            int subscriptionAt = 0;
            int accountAt = 0;
            while (subscriptionAt < subscriptionHistory.size() || accountAt < accountHistory.size()) {
                int subscriptionNext = Math.min(subscriptionHistory.size(), subscriptionAt + random.nextInt(4));
                int accountNext = Math.min(accountHistory.size(), accountAt + random.nextInt(4));
                store.append("Subscription", subscriptionId, subscriptionHistory.subList(subscriptionAt,
                        subscriptionNext));
                store.append("Account", accountId, accountHistory.subList(accountAt, accountNext));
                int appended = subscriptionNext - subscriptionAt + accountNext - accountAt;
                boolean keptBefore = subscriptionAt > 0 && accountAt > 0;
                subscriptionAt = subscriptionNext;
                accountAt = accountNext;
                store.eventsRead = 0;

                StreamFolds.Folds kept = folds.read(List.of(subscriptionId), List.of(accountId), true);

                if (keptBefore) {
                    assertThat(store.eventsRead).as("run %d: only what came since", run).isEqualTo(appended);
                }
                StreamFolds.Folds whole = new StreamFolds(store, 16).read(List.of(subscriptionId),
                        List.of(accountId), false);
                assertSame(kept, whole, subscriptionId, accountId, run);
                List<DomainEventMessage<?>> subscriptionStream = store.streams.get(subscriptionId);
                if (subscriptionStream != null) {
                    StreamFolds.Subscription subscription = kept.subscriptions().get(subscriptionId);
                    DomainEventMessage<?> last = subscriptionStream.get(subscriptionStream.size() - 1);
                    assertThat(subscription.lastSequence()).isEqualTo(last.getSequenceNumber());
                    assertThat(subscription.lastPayload()).isSameAs(last.getPayload());
                    assertThat(tree(subscription.state())).as("run %d", run)
                            .isEqualTo(tree(BillingState.of(subscriptionStream).stream()));
                }
                List<DomainEventMessage<?>> accountStream = store.streams.get(accountId);
                if (accountStream != null) {
                    assertThat(kept.accounts().get(accountId).billingAccount()).as("run %d", run)
                            .isEqualTo(AccountFold.of(accountStream));
                }
            }
        }
    }

    @Test
    void whatABillDoesToTheFoldItIsHandedLeavesTheKeptFoldAlone() {
        var random = new Random(20261207);
        var store = new Store();
        store.append("Subscription", "sub-1", RandomSubscriptionHistories.history("sub-1", random));
        store.append("Account", "acc-1", RandomAccountHistories.history("acc-1", random));
        var folds = new StreamFolds(store, 16);
        JsonNode before = tree(folds.read(List.of("sub-1"), List.of("acc-1"), true).subscriptions().get("sub-1")
                .state());

        SubscriptionStreamState handedOut = folds.read(List.of("sub-1"), List.of("acc-1"), true).subscriptions()
                .get("sub-1").state();
        handedOut.apply(new UsageRecorded("sub-1", "acc-1", "r-extra", "PPV-MOVIES", "PPV", null,
                LocalDateTime.parse("2026-12-01T10:00:00"), Money.of("9.99", "EUR"), null,
                LocalDate.parse("2026-12-01"), null));

        assertThat(tree(handedOut)).isNotEqualTo(before);
        assertThat(tree(folds.read(List.of("sub-1"), List.of("acc-1"), true).subscriptions().get("sub-1").state()))
                .isEqualTo(before);
    }

    @Test
    void eventsThatDoNotFollowTheKeptFoldMakeItReadTheStreamWhole() {
        var store = new Store();
        List<Object> first = RandomSubscriptionHistories.history("sub-1", new Random(20261208));
        store.append("Subscription", "sub-1", first.subList(0, 3));
        var folds = new StreamFolds(store, 16);
        folds.read(List.of("sub-1"), List.of(), true);
        // a stream that no longer continues the kept fold: another history, whose events after it start further on
        store.streams.get("sub-1").clear();
        store.append("Subscription", "sub-1", RandomSubscriptionHistories.history("sub-1", new Random(20261209)));
        List<DomainEventMessage<?>> stream = store.streams.get("sub-1");
        stream.remove(3);
        var onTheKeptFold = new SubscriptionStreamState();
        first.subList(0, 3).forEach(onTheKeptFold::apply);
        stream.subList(3, stream.size()).forEach(message -> onTheKeptFold.apply(message.getPayload(),
                message.getSequenceNumber()));

        StreamFolds.Subscription read = folds.read(List.of("sub-1"), List.of(), true).subscriptions().get("sub-1");

        JsonNode whole = tree(BillingState.of(stream).stream());
        assertThat(tree(onTheKeptFold)).as("what folding on would have made").isNotEqualTo(whole);
        assertThat(tree(read.state())).isEqualTo(whole);
    }

    @Test
    void theLeastRecentlyUsedFoldsGoBeyondTheBound() {
        var random = new Random(20261209);
        var store = new Store();
        var folds = new StreamFolds(store, 4);
        for (int i = 0; i < 10; i++) {
            store.append("Subscription", "sub-" + i, RandomSubscriptionHistories.history("sub-" + i, random));
            folds.read(List.of("sub-" + i), List.of(), true);
            assertThat(folds.keptCount()).isEqualTo(Math.min(i + 1, 4));
        }
        store.eventsRead = 0;
        folds.read(List.of("sub-9"), List.of(), true);
        assertThat(store.eventsRead).as("kept, nothing new").isZero();
        folds.read(List.of("sub-0"), List.of(), true);
        assertThat(store.eventsRead).as("dropped, read whole").isEqualTo(store.streams.get("sub-0").size());
    }

    @Test
    void aBillRunReadsWholeStreamsAndKeepsNothing() {
        var random = new Random(20261210);
        var store = new Store();
        store.append("Subscription", "sub-1", RandomSubscriptionHistories.history("sub-1", random));
        store.append("Account", "acc-1", RandomAccountHistories.history("acc-1", random));
        var folds = new StreamFolds(store, 16);

        folds.read(List.of("sub-1"), List.of("acc-1"), false);
        store.eventsRead = 0;
        folds.read(List.of("sub-1"), List.of("acc-1"), false);

        assertThat(folds.keptCount()).isZero();
        assertThat(store.eventsRead).isEqualTo(store.streams.get("sub-1").size() + store.streams.get("acc-1").size());
    }

    private static void assertSame(StreamFolds.Folds kept, StreamFolds.Folds whole, String subscriptionId,
                                   String accountId, int run) {
        assertThat(kept.subscriptions().keySet()).isEqualTo(whole.subscriptions().keySet());
        assertThat(kept.accounts().keySet()).isEqualTo(whole.accounts().keySet());
        if (whole.subscriptions().containsKey(subscriptionId)) {
            assertThat(tree(kept.subscriptions().get(subscriptionId).state())).as("run %d", run)
                    .isEqualTo(tree(whole.subscriptions().get(subscriptionId).state()));
        }
        if (whole.accounts().containsKey(accountId)) {
            assertThat(kept.accounts().get(accountId).state().summary()).as("run %d", run)
                    .isEqualTo(whole.accounts().get(accountId).state().summary());
        }
    }

    private static JsonNode tree(SubscriptionStreamState state) {
        return StorageJson.objectMapper().valueToTree(state);
    }

    /** The event store as {@link EventStreams} reads it, counting the events it hands out. */
    private static final class Store extends EventStreams {

        final Map<String, List<DomainEventMessage<?>>> streams = new HashMap<>();
        int eventsRead;

        Store() {
            super(null, null, null);
        }

        void append(String type, String aggregateId, List<Object> payloads) {
            if (payloads.isEmpty()) {
                return;
            }
            List<DomainEventMessage<?>> stream = streams.computeIfAbsent(aggregateId, id -> new ArrayList<>());
            for (Object payload : payloads) {
                stream.add(new GenericDomainEventMessage<>(type, aggregateId, stream.size(), payload));
            }
        }

        @Override
        Map<String, List<DomainEventMessage<?>>> read(Collection<String> aggregateIds) {
            Map<String, Long> all = new HashMap<>();
            aggregateIds.forEach(id -> all.put(id, -1L));
            return readAfter(all);
        }

        @Override
        Map<String, List<DomainEventMessage<?>>> readAfter(Map<String, Long> after) {
            Map<String, List<DomainEventMessage<?>>> read = new HashMap<>();
            after.forEach((id, last) -> {
                List<DomainEventMessage<?>> events = streams.getOrDefault(id, List.of()).stream()
                        .filter(message -> message.getSequenceNumber() > last).toList();
                if (!events.isEmpty()) {
                    read.put(id, new ArrayList<>(events));
                    eventsRead += events.size();
                }
            });
            return read;
        }
    }
}
