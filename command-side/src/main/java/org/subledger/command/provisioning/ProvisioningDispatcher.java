package org.subledger.command.provisioning;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.subledger.command.provisioning.ProviderClient.ProviderAnswer;
import org.subledger.command.provisioning.ProviderClient.ProviderRequest;
import org.subledger.kernel.provisioning.AcknowledgeProvisioning;
import org.subledger.kernel.provisioning.ProvisioningRequested;
import org.subledger.kernel.provisioning.RejectProvisioning;

/**
 * Sends each requested attempt to its provider and records the answer on the request. A redelivered attempt is sent
 * again with the same request id and attempt: the provider is idempotent by request id and the request ignores a
 * second answer, so nothing is provisioned twice. Never replayed.
 */
@Component
@ProcessingGroup(ProvisioningDispatcher.PROCESSING_GROUP)
class ProvisioningDispatcher {

    static final String PROCESSING_GROUP = "provisioning-dispatch";

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningDispatcher.class);

    private final ProviderClient provider;
    private final CommandGateway commandGateway;

    ProvisioningDispatcher(ProviderClient provider, CommandGateway commandGateway) {
        this.provider = provider;
        this.commandGateway = commandGateway;
    }

    @EventHandler
    @DisallowReplay
    void on(ProvisioningRequested event) {
        ProviderAnswer answer;
        try {
            answer = provider.send(new ProviderRequest(event.requestId(), event.attempt(), event.provider(),
                    event.distributorId(), event.productCode(), event.providerProductId(), event.operation()));
        } catch (RuntimeException e) {
            LOG.warn("Provisioning request {} attempt {} to {} failed", event.requestId(), event.attempt(),
                    event.provider(), e);
            answer = ProviderAnswer.reject(String.valueOf(e.getMessage()));
        }
        if (answer.acknowledged()) {
            commandGateway.sendAndWait(new AcknowledgeProvisioning(event.requestId(), event.attempt()));
        } else {
            commandGateway.sendAndWait(new RejectProvisioning(event.requestId(), event.attempt(), answer.reason()));
        }
    }
}
