package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** A subscription type was added to the catalog. */
@Revision("1")
public record SubscriptionTypeCreated(SubscriptionTypeDefinition definition) implements DomainEvent {
}
