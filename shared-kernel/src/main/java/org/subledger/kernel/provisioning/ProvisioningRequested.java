package org.subledger.kernel.provisioning;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** Attempt {@code attempt} (from 1) of a provisioning request is to be sent to the provider. */
@Revision("1")
public record ProvisioningRequested(String requestId,
                                    String subscriptionId,
                                    String provider,
                                    String distributorId,
                                    String productCode,
                                    String providerProductId,
                                    ProvisioningOperation operation,
                                    int attempt) implements DomainEvent {
}
