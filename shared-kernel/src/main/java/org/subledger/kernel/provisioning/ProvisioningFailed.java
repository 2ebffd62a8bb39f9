package org.subledger.kernel.provisioning;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** The request is given up: rejected on its last attempt, or not acknowledged in time. */
@Revision("1")
public record ProvisioningFailed(String requestId,
                                 String subscriptionId,
                                 String productCode,
                                 int attempts,
                                 String reason) implements DomainEvent {
}
