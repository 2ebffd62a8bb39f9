package org.subledger.command.scheduling;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.subledger.kernel.subscription.SubscriptionCreated;

/** Reads the owning unit from the subscription's first event (from sequence 0: never a snapshot). */
@Component
class EventStoreSubscriptionOwners implements SubscriptionOwners {

    private final EventStore eventStore;

    EventStoreSubscriptionOwners(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public String owningUnitOf(String subscriptionId) {
        var events = eventStore.readEvents(subscriptionId, 0);
        return events.hasNext() && events.next().getPayload() instanceof SubscriptionCreated created
                ? created.owningUnit() : null;
    }
}
