package org.subledger.command.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.subledger.kernel.account.AccountState;
import org.subledger.kernel.subscription.SubscriptionStreamState;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subscription and account streams a bill is decided on, folded by their one state classes
 * ({@link SubscriptionStreamState}, {@link AccountState}). A bill run reads each stream whole: it bills a
 * subscription once. Usage bills keep their folds: a prepaid subscription has a usage bill for nearly every batch it
 * has records in, and each bill adds to its stream and its account's, so reading both whole made every usage bill
 * dearer than the one before (issue 17). A kept fold is brought up to date by reading only the events after it, one
 * index range per stream: a usage bill costs the same however many bills came before it.
 * <p>
 * Keeping is safe: a fold up to a sequence number is a fact (events are never changed or removed), only what was
 * read is kept (committed events, never the ones a bill is about to append, which may yet roll back), and a kept fold
 * is never changed (callers get copies; the next read folds on a copy and keeps that). The events after a kept fold
 * must follow it without a gap; if they do not, the stream is read whole. Bounded: the least recently used folds go
 * beyond {@code ledger.billing.fold-cache-size} (default 4,096 streams).
 */
@Component
class StreamFolds {

    /**
     * A subscription's stream folded: the state (as {@link #read} hands it out, the caller's own to change), the
     * sequence number and payload of its last event.
     */
    record Subscription(SubscriptionStreamState state, long lastSequence, Object lastPayload) {
    }

    /** An account's stream folded: the state (not to be changed) and the sequence number of its last event. */
    record Account(AccountState state, long lastSequence) {

        BillingAccount billingAccount() {
            return AccountFold.of(state, lastSequence);
        }
    }

    /** The folds read, by aggregate id; a stream without events is absent. */
    record Folds(Map<String, Subscription> subscriptions, Map<String, Account> accounts) {
    }

    private final EventStreams streams;
    private final Map<String, Object> kept;

    @Autowired
    StreamFolds(EventStreams streams, BillingProperties properties) {
        this(streams, properties.foldCacheSize());
    }

    StreamFolds(EventStreams streams, int capacity) {
        this.streams = streams;
        this.kept = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > capacity;
            }
        });
    }

    /**
     * The folds of the subscriptions' and the accounts' streams as they stand; {@code keep}: from and into the kept
     * folds (usage bills), otherwise read whole and not kept (a bill run).
     */
    Folds read(Collection<String> subscriptionIds, Collection<String> accountIds, boolean keep) {
        if (!keep) {
            Map<String, List<DomainEventMessage<?>>> read = streams.read(concat(subscriptionIds, accountIds));
            return fold(subscriptionIds, accountIds, Map.of(), read, false);
        }
        Map<String, Object> before = new HashMap<>();
        Map<String, Long> after = new HashMap<>();
        for (String id : concat(subscriptionIds, accountIds)) {
            Object folded = kept.get(id);
            if (folded != null) {
                before.put(id, folded);
            }
            after.put(id, lastSequence(folded));
        }
        Map<String, List<DomainEventMessage<?>>> read = streams.readAfter(after);
        boolean gapless = before.entrySet().stream().allMatch(entry -> {
            List<DomainEventMessage<?>> events = read.get(entry.getKey());
            return events == null || events.get(0).getSequenceNumber() == lastSequence(entry.getValue()) + 1;
        });
        if (!gapless) {
            before.keySet().forEach(kept::remove);
            return read(subscriptionIds, accountIds, false);
        }
        return fold(subscriptionIds, accountIds, before, read, true);
    }

    private Folds fold(Collection<String> subscriptionIds, Collection<String> accountIds, Map<String, Object> before,
                       Map<String, List<DomainEventMessage<?>>> read, boolean keep) {
        Map<String, Subscription> subscriptions = new HashMap<>();
        for (String id : subscriptionIds) {
            Subscription earlier = (Subscription) before.get(id);
            List<DomainEventMessage<?>> events = read.getOrDefault(id, List.of());
            if (earlier == null && events.isEmpty()) {
                continue;
            }
            Subscription folded = earlier;
            if (!events.isEmpty()) { // else nothing came since the kept fold
                SubscriptionStreamState state = earlier == null ? new SubscriptionStreamState()
                        : earlier.state().copy();
                events.forEach(message -> state.apply(message.getPayload(), message.getSequenceNumber()));
                DomainEventMessage<?> last = events.get(events.size() - 1);
                folded = new Subscription(state, last.getSequenceNumber(), last.getPayload());
                if (keep) {
                    kept.put(id, folded);
                }
            }
            subscriptions.put(id, keep ? new Subscription(folded.state().copy(), folded.lastSequence(),
                    folded.lastPayload()) : folded);
        }
        Map<String, Account> accounts = new HashMap<>();
        for (String id : accountIds) {
            Account earlier = (Account) before.get(id);
            List<DomainEventMessage<?>> events = read.getOrDefault(id, List.of());
            if (earlier == null && events.isEmpty()) {
                continue;
            }
            Account folded = earlier;
            if (!events.isEmpty()) { // else nothing came since the kept fold
                AccountState state = AccountFold.fold(earlier == null ? new AccountState() : earlier.state().copy(),
                        events);
                folded = new Account(state, events.get(events.size() - 1).getSequenceNumber());
                if (keep) {
                    kept.put(id, folded);
                }
            }
            accounts.put(id, folded);
        }
        return new Folds(subscriptions, accounts);
    }

    private static long lastSequence(Object folded) {
        if (folded instanceof Subscription subscription) {
            return subscription.lastSequence();
        }
        return folded instanceof Account account ? account.lastSequence() : -1;
    }

    private static Set<String> concat(Collection<String> first, Collection<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }

    /** How many streams' folds are kept (for tests). */
    int keptCount() {
        return kept.size();
    }
}
