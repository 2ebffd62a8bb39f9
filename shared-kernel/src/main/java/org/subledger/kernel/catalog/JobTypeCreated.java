package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** A job type was added to the catalog. */
@Revision("1")
public record JobTypeCreated(JobTypeDefinition definition) implements DomainEvent {
}
