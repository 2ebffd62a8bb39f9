package org.subledger.query.audit;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads one stored event by its global index, through the store's event stream, upcast as every reader reads it: an
 * event stored without an aggregate (a mediation batch's {@code UsageBatchRecorded}, issue 17) is no aggregate's
 * stream to read.
 */
@Component
public class StoredEventAt {

    private final EventStore eventStore;

    public StoredEventAt(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The event stored at this global index; {@code null} if none comes within ten seconds. */
    public TrackedEventMessage<?> read(long globalIndex) {
        try (var stream = eventStore.openStream(GapAwareTrackingToken.newInstance(globalIndex - 1, List.of()))) {
            return stream.hasNextAvailable(10, TimeUnit.SECONDS) ? stream.nextAvailable() : null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading event " + globalIndex, interrupted);
        }
    }
}
