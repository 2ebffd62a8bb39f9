package org.subledger.kernel.provisioning;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** The provider carried out the request, on attempt {@code attempt}. */
@Revision("1")
public record ProvisioningAcknowledged(String requestId,
                                       String subscriptionId,
                                       String productCode,
                                       ProvisioningOperation operation,
                                       int attempt) implements DomainEvent {
}
