package org.subledger.platform.deadletter;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;

import javax.sql.DataSource;

/**
 * Axon's event processing module, with a savepoint per group around each isolated event in the pooled streaming
 * processors that several processing groups share ({@link GroupSavepoints}).
 */
public class IsolatingEventProcessingModule extends EventProcessingModule {

    private final EventSavepoints savepoints;

    public IsolatingEventProcessingModule(DataSource dataSource) {
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
}
