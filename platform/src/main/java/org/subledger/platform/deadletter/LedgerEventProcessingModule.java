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
import org.axonframework.messaging.SubscribableMessageSource;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import javax.sql.DataSource;
import java.util.function.Function;

/**
 * Axon's event processing module with three changes for the per-event cost and the isolation of failures:
 * <ul>
 *   <li>a savepoint per group around each isolated event in the pooled streaming processors that several processing
 *   groups share ({@link GroupSavepoints});</li>
 *   <li>each group's answers about its handlers that cannot change (does it support a reset, has it a handler for
 *   this payload type at all) remembered instead of looked up for every event ({@link HandlerLookupCache});</li>
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
        return super.pooledStreamingEventProcessor(name,
                HandlerLookupCache.of(GroupSavepoints.perGroup(eventHandlerInvoker, savepoints)), config,
                messageSource, processorConfiguration);
    }

    /** The {@code lookup-} groups, which handle the events in the command's unit of work. */
    @Override
    protected EventProcessor subscribingEventProcessor(
            String name, EventHandlerInvoker eventHandlerInvoker,
            SubscribableMessageSource<? extends EventMessage<?>> messageSource) {
        return super.subscribingEventProcessor(name, HandlerLookupCache.of(eventHandlerInvoker), messageSource);
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
