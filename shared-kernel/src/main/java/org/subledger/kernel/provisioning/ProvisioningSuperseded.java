package org.subledger.kernel.provisioning;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/**
 * A newer request for the same subscription, distributor and product ({@code supersededBy}) was made while this one
 * was still unanswered: it is never sent again, so a late retry cannot undo the newer action at the provider.
 * {@code attempts} is how many attempts were sent.
 */
@Revision("1")
public record ProvisioningSuperseded(String requestId,
                                     String subscriptionId,
                                     String productCode,
                                     int attempts,
                                     String supersededBy) implements DomainEvent {
}
