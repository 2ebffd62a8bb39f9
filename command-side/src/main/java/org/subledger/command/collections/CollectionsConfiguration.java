package org.subledger.command.collections;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the collections runs: their settings, and the list of run definitions kept by a subscribing processor in
 * the transaction of the command that changes a definition (its group's "lookup-" prefix gives it no dead-letter
 * queue, so a failure rolls the command back).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CollectionsProperties.class)
class CollectionsConfiguration {

    @Bean
    ConfigurerModule runDefinitionListProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(RunDefinitionList.GROUP);
    }
}
