package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** An activity type was added to the catalog. */
@Revision("1")
public record ActivityTypeCreated(ActivityTypeDefinition definition) implements DomainEvent {
}
