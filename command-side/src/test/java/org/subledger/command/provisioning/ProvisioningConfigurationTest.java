package org.subledger.command.provisioning;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.provisioning.ProvisioningAcknowledged;
import org.subledger.kernel.provisioning.ProvisioningIds;
import org.subledger.kernel.provisioning.ProvisioningOperation;
import org.subledger.kernel.provisioning.ProvisioningRequested;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispatcher's sequencing: all requests for one subscription, distributor and product in one sequence. */
class ProvisioningConfigurationTest {

    static EventMessage<?> requested(long eventSequence, String distributor, String product,
                                     ProvisioningOperation operation) {
        String id = ProvisioningIds.requestId("sub-1", eventSequence, "NAGRA", distributor, product);
        return new GenericDomainEventMessage<>("ProvisioningRequest", id, 0, new ProvisioningRequested(id, "sub-1",
                "NAGRA", distributor, product, product, operation, 1));
    }

    @Test
    void anActivationAndALaterDeactivationOfTheSameProductOnTheSameDistributorShareASequence() {
        var policy = ProvisioningConfiguration.perProviderKey();
        Object activation = policy.getSequenceIdentifierFor(requested(0, "STB-1", "GOLD",
                ProvisioningOperation.ACTIVATE));

        assertThat(policy.getSequenceIdentifierFor(requested(3, "STB-1", "GOLD", ProvisioningOperation.DEACTIVATE)))
                .isEqualTo(activation);
        assertThat(policy.getSequenceIdentifierFor(requested(0, "STB-2", "GOLD", ProvisioningOperation.ACTIVATE)))
                .isNotEqualTo(activation);
        assertThat(policy.getSequenceIdentifierFor(requested(0, "STB-1", "SPORT", ProvisioningOperation.ACTIVATE)))
                .isNotEqualTo(activation);
    }

    @Test
    void otherEventsAreSequencedPerRequest() {
        String id = ProvisioningIds.requestId("sub-1", 0, "NAGRA", "STB-1", "GOLD");
        var acknowledged = new GenericDomainEventMessage<>("ProvisioningRequest", id, 1,
                new ProvisioningAcknowledged(id, "sub-1", "GOLD", ProvisioningOperation.ACTIVATE, 1));

        assertThat(ProvisioningConfiguration.perProviderKey().getSequenceIdentifierFor(acknowledged)).isEqualTo(id);
    }
}
