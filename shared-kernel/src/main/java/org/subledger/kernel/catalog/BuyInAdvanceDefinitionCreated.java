package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** A buy-in-advance definition was added to the catalog. */
@Revision("1")
public record BuyInAdvanceDefinitionCreated(BuyInAdvanceDefinition definition) implements DomainEvent {
}
