package org.subledger.platform.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Gives every saga's processing group its technical failure handling: retried with back-off, then dead-lettered, with
 * the subscription's later events queued behind ({@link SagaFailureHandler}, {@link SagaDeadLetterSequencing}). The
 * groups are those of the {@code @Saga} beans, found the way Axon's Spring support finds the sagas themselves, so a
 * new saga has the contract without registering anything.
 */
class SagaDeadLettering implements ConfigurerModule {

    private final ListableBeanFactory beans;
    private final SagaRetryProperties retries;

    SagaDeadLettering(ListableBeanFactory beans, SagaRetryProperties retries) {
        this.beans = beans;
        this.retries = retries;
    }

    @Override
    public void configureModule(Configurer configurer) {
        Arrays.stream(beans.getBeanNamesForAnnotation(Saga.class))
                .map(beans::getType).filter(Objects::nonNull)
                .map(SagaDeadLettering::processingGroupOf).distinct()
                .forEach(group -> register(configurer, group));
    }

    /** As Axon names a saga's group: its {@code @ProcessingGroup}, else the type's simple name with "Processor". */
    static String processingGroupOf(Class<?> sagaType) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(sagaType, ProcessingGroup.class);
        return group != null ? group.value() : sagaType.getSimpleName() + "Processor";
    }

    private void register(Configurer configurer, String processingGroup) {
        var queue = new GroupQueue(processingGroup);
        var sequencing = new SagaDeadLetterSequencing(queue);
        configurer.eventProcessing(processing -> processing
                .registerHandlerInterceptor(processingGroup, config -> {
                    queue.config = config;
                    return sequencing;
                })
                .registerListenerInvocationErrorHandler(processingGroup, config -> {
                    queue.config = config;
                    return new SagaFailureHandler(processingGroup, retries.backOffs(), queue, sequencing,
                            SagaFailureHandler.Pause.SLEEP,
                            // a context without metrics (a slice test) counts into a registry of its own
                            beans.getBeanProvider(MeterRegistry.class).getIfAvailable(SimpleMeterRegistry::new));
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
