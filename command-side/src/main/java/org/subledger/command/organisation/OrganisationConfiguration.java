package org.subledger.command.organisation;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The directory of units and users is kept by a subscribing processor, in the transaction of the command whose
 * events change it (its group's "lookup-" prefix gives it no dead-letter queue, so a failure rolls the command back).
 */
@Configuration(proxyBeanMethods = false)
class OrganisationConfiguration {

    @Bean
    ConfigurerModule organisationDirectoryProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(DirectoryUpdater.GROUP);
    }
}
