package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** An activity type was added to the catalog. */
// 2: the definition holds its services' terms (minimum time, fixed time, mandatory)
@Revision("2")
public record ActivityTypeCreated(ActivityTypeDefinition definition) implements DomainEvent {
}
