package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** The definition of an activity type was replaced; the event holds the whole new definition. */
// 2: the definition holds its services' terms (minimum time, fixed time, mandatory)
@Revision("2")
public record ActivityTypeAmended(ActivityTypeDefinition definition) implements DomainEvent {
}
