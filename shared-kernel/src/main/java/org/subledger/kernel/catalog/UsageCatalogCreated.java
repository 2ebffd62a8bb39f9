package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** A usage service catalog was added to the catalog. */
@Revision("1")
public record UsageCatalogCreated(UsageCatalogDefinition definition) implements DomainEvent {
}
