package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/**
 * The installed item with this serial number was put on a subscription: until it is released, no other
 * subscription may install it.
 */
@Revision("1")
public record SerialNumberClaimed(String serialNumber, String productCode, String subscriptionId)
        implements DomainEvent {
}
