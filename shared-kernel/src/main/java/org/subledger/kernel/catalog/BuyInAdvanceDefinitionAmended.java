package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** A buy-in-advance definition was replaced (its state too); the event holds the whole new definition. */
@Revision("1")
public record BuyInAdvanceDefinitionAmended(BuyInAdvanceDefinition definition) implements DomainEvent {
}
