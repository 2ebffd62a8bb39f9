package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/**
 * A subscription type was added to the catalog.
 * Revision 2: the definition has {@code allowedOrganisationalUnits} (revision 1 is upcast with none: open to all).
 */
@Revision("2")
public record SubscriptionTypeCreated(SubscriptionTypeDefinition definition) implements DomainEvent {
}
