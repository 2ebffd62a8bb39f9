package org.subledger.platform.deadletter;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.spring.stereotype.Saga;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every saga's group gets the sagas' failure handling without registering anything itself. */
class SagaDeadLetteringTest {

    @Saga
    @ProcessingGroup("renewals")
    public static class RenewalSaga {
    }

    @Saga
    public static class UnnamedSaga {
    }

    @Test
    void everySagaBeansGroupGetsTheFailureHandlingAndNoOtherGroupDoes() {
        try (var spring = new AnnotationConfigApplicationContext(RenewalSaga.class, UnnamedSaga.class)) {
            var module = new SagaDeadLettering(spring, new SagaRetryProperties(1, Duration.ofMillis(1), null));
            var configurer = DefaultConfigurer.defaultConfiguration()
                    .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine());
            module.configureModule(configurer);
            Configuration axon = configurer.buildConfiguration();

            var processing = axon.eventProcessingConfiguration();
            assertThat(processing.listenerInvocationErrorHandler("renewals")).isInstanceOf(SagaFailureHandler.class);
            assertThat(processing.listenerInvocationErrorHandler("UnnamedSagaProcessor"))
                    .isInstanceOf(SagaFailureHandler.class);
            assertThat(processing.listenerInvocationErrorHandler("account-summary"))
                    .isNotInstanceOf(SagaFailureHandler.class);
        }
    }
}
