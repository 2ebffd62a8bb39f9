package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** A product was added to the catalog. */
@Revision("1")
public record ProductCreated(ProductDefinition definition) implements DomainEvent {
}
