package org.subledger.command.billing;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the billing engine: its settings, and the billing index kept by a subscribing processor, in the
 * transaction of the command whose events change it (its group's "lookup-" prefix gives it no dead-letter queue, so
 * a failure rolls the command back instead of being parked).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
class BillingConfiguration {

    @Bean
    ConfigurerModule billingIndexProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(BillingIndexUpdater.GROUP);
    }
}
