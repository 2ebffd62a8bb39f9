package org.subledger.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.subledger.platform.axon.ProcessorTopology;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.OptionalLong;

/**
 * {@code ledger.projection.lag{group}}: how many events each streaming processing group (read models and sagas) is
 * behind the head of the event store, measured by global index: the head token's position less the position of the
 * group's slowest segment claimed on this node. No value (NaN) while this node holds none of the group's segments
 * (another node processes it) or before the group has a position. The head is read once per scrape and gauge.
 */
final class ProjectionLagMetrics {

    static final String METRIC = "ledger.projection.lag";

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final ProcessorTopology topology;

    ProjectionLagMetrics(EventStore eventStore, EventProcessingConfiguration processing, ProcessorTopology topology) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.topology = topology;
    }

    /** One gauge per group; the groups of a shared processor are as far behind as it is. */
    void register(MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                topology.groupsOf(name).forEach(group -> Gauge.builder(METRIC, streaming, this::lag)
                        .tag("group", group).strongReference(true)
                        .description("events this processing group is behind the head of the event store")
                        .register(registry));
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            OptionalLong position = status.getCurrentPosition();
            if (position.isEmpty()) {
                return Double.NaN;
            }
            slowest = Math.min(slowest, position.getAsLong());
        }
        if (slowest == Long.MAX_VALUE) {
            return Double.NaN;
        }
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong headPosition = head == null ? OptionalLong.empty() : head.position();
        return headPosition.isEmpty() ? Double.NaN : Math.max(headPosition.getAsLong() - slowest, 0);
    }
}
