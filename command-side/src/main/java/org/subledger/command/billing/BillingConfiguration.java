package org.subledger.command.billing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.PropertySequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.subledger.kernel.usage.UsageBillingDue;

/**
 * Wiring of the billing engine: its settings, the billing index kept by a subscribing processor, in the transaction
 * of the command whose events change it (its group's "lookup-" prefix gives it no dead-letter queue, so a failure
 * rolls the command back instead of being parked), and usage bills sequenced per account.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({BillingProperties.class, UsageBillProperties.class})
class BillingConfiguration {

    @Bean
    ConfigurerModule billingIndexProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(BillingIndexUpdater.GROUP);
    }

    /**
     * The usage-billing group's events one after the other per account: a period bought in advance is billed on the
     * processor's thread and posts to the account (two subscriptions of one account billed at once would append to
     * the same account stream, and one of them would have to be retried); an ask for a usage bill is only recorded
     * there, and when it fails every attempt the usage-bill worker dead-letters it under its account, as the
     * processor would have.
     */
    @Bean
    ConfigurerModule usageBillsSequencedPerAccount() {
        return configurer -> configurer.eventProcessing().registerSequencingPolicy(UsageBilling.GROUP,
                config -> PropertySequencingPolicy.builder(UsageBillingDue.class, String.class)
                        .propertyExtractor(UsageBillingDue::accountId)
                        .fallbackSequencingPolicy(SequentialPerAggregatePolicy.instance())
                        .build());
    }
}
