package org.subledger.command.charging;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.subledger.kernel.subscription.BehaviourCode;

/** Binds the event-based billing policies (see {@link EventChargingProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventChargingProperties.class)
class EventChargingConfiguration {

    /** Usage records reach the event-charge sagas only when a rule charges for them. */
    @Bean
    ConfigurerModule usageWithoutAChargeRule(EventChargingProperties charging) {
        boolean usageCharged = charging.rules().stream()
                .anyMatch(rule -> rule.trigger() == BehaviourCode.RECORD_USAGE);
        return configurer -> {
            if (!usageCharged) {
                configurer.eventProcessing().registerHandlerInterceptor(EventChargeSaga.PROCESS,
                        config -> new UsageWithoutAChargeRule());
            }
        };
    }
}
