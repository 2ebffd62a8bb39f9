package org.subledger.kernel.provisioning;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** The provider rejected attempt {@code attempt}; it is retried after {@code retryAfterMillis}. */
@Revision("1")
public record ProvisioningRejected(String requestId,
                                   String subscriptionId,
                                   String productCode,
                                   int attempt,
                                   String reason,
                                   long retryAfterMillis) implements DomainEvent {
}
