package org.subledger.query.subscription;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.subledger.kernel.subscription.query.SubscriptionSummary;

import java.time.Instant;
import java.util.Optional;

/**
 * A subscription as it stood at a past instant, rebuilt from its events in the event store rather than from the read
 * model, which only knows the present. Reads from sequence number 0, so snapshots are never used.
 */
@Component
class SubscriptionHistory {

    private final EventStore eventStore;

    SubscriptionHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The subscription with every event recorded at or before {@code instant}; empty if not yet created then. */
    Optional<SubscriptionSummary> asOf(String subscriptionId, Instant instant) {
        var folder = new SubscriptionAsOfFolder();
        eventStore.readEvents(subscriptionId, 0).forEachRemaining(event -> {
            if (!event.getTimestamp().isAfter(instant)) {
                folder.apply(event.getPayload(), event.getSequenceNumber());
            }
        });
        return folder.summary();
    }
}
