package org.subledger.projection.billing;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Processing settings of the billing read models. They share one processing group, {@value #PROCESSING_GROUP}: a bill
 * run's counts are kept from the bills and failures the same batch writes, so they must be written together. Its
 * dead-letter queue comes from the platform, like every group's.
 */
@Configuration(proxyBeanMethods = false)
class BillingProjectionsConfiguration {

    static final String PROCESSING_GROUP = "billing-projections";

    /**
     * A bill run writes some 100,000 bills a minute, each the first event of its own stream: without the cache the
     * dead-letter queue would ask PostgreSQL, for every one of them, whether its bill already has a dead letter (see
     * the account projections' configuration for the same reasoning).
     */
    @Bean
    ConfigurerModule billingProjectionsDeadLetterCache() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(PROCESSING_GROUP,
                        (config, builder) -> builder.enableSequenceIdentifierCache()));
    }
}
