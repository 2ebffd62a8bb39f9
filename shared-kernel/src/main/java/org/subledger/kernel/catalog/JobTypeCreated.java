package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** A job type was added to the catalog. Revision 2: its definition states its billing moment. */
@Revision("2")
public record JobTypeCreated(JobTypeDefinition definition) implements DomainEvent {
}
