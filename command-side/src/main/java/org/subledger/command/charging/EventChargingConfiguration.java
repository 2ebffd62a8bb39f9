package org.subledger.command.charging;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps usage and billing events from the event-charge sagas while no rule charges for them ({@link UnchargedEvents}). */
@Configuration(proxyBeanMethods = false)
class EventChargingConfiguration {

    @Bean
    ConfigurerModule unchargedEvents(EventChargeRuleBook rules) {
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(EventChargeSaga.PROCESS,
                config -> new UnchargedEvents(rules));
    }
}
