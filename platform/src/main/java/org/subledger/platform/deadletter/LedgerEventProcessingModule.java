package org.subledger.platform.deadletter;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import javax.sql.DataSource;
import java.util.function.Function;

/**
 * Axon's event processing module with two changes for the per-event cost and the isolation of failures:
 * <ul>
 *   <li>a savepoint per group around each isolated event in the pooled streaming processors that several processing
 *   groups share ({@link GroupSavepoints});</li>
 *   <li>every group's dead-lettering invoker keeps Axon's cache of the sequences known to have no dead letter in its
 *   segment: without it each event a group handles first asks PostgreSQL whether its aggregate has a letter queued
 *   (one query per event and group). The cache is per segment, dropped when the segment is released, and starts from
 *   the queue's content; an aggregate it does not know as clean is still looked up.</li>
 * </ul>
 */
public class LedgerEventProcessingModule extends EventProcessingModule {

    private final EventSavepoints savepoints;

    public LedgerEventProcessingModule(DataSource dataSource) {
        this.savepoints = new EventSavepoints(dataSource);
    }

    @Override
    protected EventProcessor pooledStreamingEventProcessor(
            String name, EventHandlerInvoker eventHandlerInvoker, Configuration config,
            StreamableMessageSource<TrackedEventMessage<?>> messageSource,
            PooledStreamingProcessorConfiguration processorConfiguration) {
        return super.pooledStreamingEventProcessor(name, GroupSavepoints.perGroup(eventHandlerInvoker, savepoints),
                config, messageSource, processorConfiguration);
    }

    /** Every queue Axon registers for a group, the platform's provider's included, comes through here. */
    @Override
    public EventProcessingConfigurer registerDeadLetterQueue(
            String processingGroup,
            Function<Configuration, SequencedDeadLetterQueue<EventMessage<?>>> queueBuilder) {
        deadLetteringInvokerConfigs.putIfAbsent(processingGroup,
                (config, builder) -> builder.enableSequenceIdentifierCache());
        return super.registerDeadLetterQueue(processingGroup, queueBuilder);
    }
}
