package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/**
 * The definition of a subscription type was replaced; the event holds the whole new definition.
 * Revision 2: the definition has {@code allowedOrganisationalUnits} (revision 1 is upcast with none: open to all).
 */
@Revision("2")
public record SubscriptionTypeAmended(SubscriptionTypeDefinition definition) implements DomainEvent {
}
