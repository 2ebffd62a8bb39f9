package org.subledger.command.account;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.command.eventstore.SubscriptionIds;
import org.subledger.kernel.subscription.SubscriptionTerminated;

import java.util.List;

/**
 * Decides on each of the account's subscriptions' own event stream whether it is terminated, the way a subscription
 * reads its account's stream for the credit limit; event types are compared without deserialising the events.
 */
@Component
class EventStoreAccountSubscriptions implements AccountSubscriptions {

    private final SubscriptionIds subscriptionIds;
    private final EventStore eventStore;

    EventStoreAccountSubscriptions(SubscriptionIds subscriptionIds, @Lazy EventStore eventStore) {
        this.subscriptionIds = subscriptionIds;
        this.eventStore = eventStore;
    }

    @Override
    public List<String> liveSubscriptionsOf(String accountId) {
        return subscriptionIds.ofAccount(accountId).stream()
                .filter(subscriptionId -> !terminated(subscriptionId))
                .toList();
    }

    private boolean terminated(String subscriptionId) {
        DomainEventStream events = eventStore.readEvents(subscriptionId, 0);
        while (events.hasNext()) {
            if (SubscriptionTerminated.class.equals(events.next().getPayloadType())) {
                return true;
            }
        }
        return false;
    }
}
