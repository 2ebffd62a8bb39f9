package org.subledger.command.provisioning;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.subledger.kernel.provisioning.ProvisioningRequested;

/**
 * The dispatcher sends the attempts of every request for one subscription, distributor and product in the order they
 * were recorded, one at a time: by default it would sequence per request, and an attempt of an older request (already
 * recorded when the saga superseded it) could reach the provider after the newer request and undo it.
 */
@Configuration(proxyBeanMethods = false)
class ProvisioningConfiguration {

    @Bean
    ConfigurerModule provisioningDispatchSequencing() {
        return configurer -> configurer.eventProcessing().registerSequencingPolicy(
                ProvisioningDispatcher.PROCESSING_GROUP, config -> perProviderKey());
    }

    static SequencingPolicy<EventMessage<?>> perProviderKey() {
        return event -> event.getPayload() instanceof ProvisioningRequested requested
                ? requested.subscriptionId() + ":" + requested.distributorId() + ":" + requested.productCode()
                : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
