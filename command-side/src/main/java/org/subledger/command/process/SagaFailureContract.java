package org.subledger.command.process;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.util.function.Supplier;

/**
 * Gives a saga's processing group the technical half of the failure contract: retried with back-off, then
 * dead-lettered, with the subscription's later events queued behind ({@link SagaFailureHandler},
 * {@link SagaDeadLetterSequencing}). Each saga's package registers its group with {@link #of}.
 */
public final class SagaFailureContract {

    private SagaFailureContract() {
    }

    public static ConfigurerModule of(String processingGroup, SagaRetryProperties retries) {
        var queue = new GroupQueue(processingGroup);
        var sequencing = new SagaDeadLetterSequencing(queue);
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerHandlerInterceptor(processingGroup, config -> {
                    queue.config = config;
                    return sequencing;
                })
                .registerListenerInvocationErrorHandler(processingGroup, config -> {
                    queue.config = config;
                    return new SagaFailureHandler(processingGroup, retries.backOffs(), queue, sequencing,
                            SagaFailureHandler.Pause.SLEEP);
                }));
    }

    /** The group's queue, from the platform's provider, looked up once Axon's configuration exists. */
    private static final class GroupQueue implements Supplier<SequencedDeadLetterQueue<EventMessage<?>>> {
        private final String processingGroup;
        private volatile Configuration config;

        GroupQueue(String processingGroup) {
            this.processingGroup = processingGroup;
        }

        @Override
        public SequencedDeadLetterQueue<EventMessage<?>> get() {
            return config.eventProcessingConfiguration().deadLetterQueue(processingGroup).orElseThrow(() ->
                    new IllegalStateException("no dead-letter queue for the saga group " + processingGroup));
        }
    }
}
