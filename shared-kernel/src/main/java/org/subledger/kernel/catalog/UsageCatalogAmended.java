package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** The definition of a usage service catalog was replaced; the event holds the whole new definition. */
@Revision("1")
public record UsageCatalogAmended(UsageCatalogDefinition definition) implements DomainEvent {
}
