package org.subledger.command.charging;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.subledger.command.process.SagaFailureContract;
import org.subledger.command.process.SagaRetryProperties;

/**
 * Binds the event-based billing policies (see {@link EventChargingProperties}) and gives the event-charge saga's
 * group the sagas' failure contract.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventChargingProperties.class)
class EventChargingConfiguration {

    @Bean
    ConfigurerModule eventChargesFailureContract(SagaRetryProperties retries) {
        return SagaFailureContract.of(EventChargeSaga.PROCESS, retries);
    }
}
