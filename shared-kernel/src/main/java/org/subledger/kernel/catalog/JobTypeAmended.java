package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/**
 * The definition of a job type was replaced; the event holds the whole new definition. Revision 2: the definition
 * states its billing moment.
 */
@Revision("2")
public record JobTypeAmended(JobTypeDefinition definition) implements DomainEvent {
}
