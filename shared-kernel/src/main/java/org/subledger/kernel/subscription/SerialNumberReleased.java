package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/**
 * The installed item with this serial number left the subscription that held it (removed, swapped out, or the
 * subscription was terminated): it may be installed on another subscription.
 */
@Revision("1")
public record SerialNumberReleased(String serialNumber, String productCode, String subscriptionId)
        implements DomainEvent {
}
