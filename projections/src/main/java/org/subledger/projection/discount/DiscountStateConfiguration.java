package org.subledger.projection.discount;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Processing settings of the discount state ({@value DiscountStateProjection#PROCESSING_GROUP}). Its dead-letter
 * queue comes from the platform, like every group's.
 */
@Configuration(proxyBeanMethods = false)
class DiscountStateConfiguration {

    /**
     * Billing records a bill's discount applications inside its {@code SubscriptionBilled}, so the discount state
     * handles every bill of a run (100,000 in a run of 100,000 subscriptions, most of them without a discount): without
     * the cache the dead-letter queue would ask PostgreSQL, for every one of them, whether its subscription already has
     * a dead letter (the billing and account projections' configurations do the same).
     */
    @Bean
    ConfigurerModule discountStateDeadLetterCache() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                        DiscountStateProjection.PROCESSING_GROUP,
                        (config, builder) -> builder.enableSequenceIdentifierCache()));
    }
}
