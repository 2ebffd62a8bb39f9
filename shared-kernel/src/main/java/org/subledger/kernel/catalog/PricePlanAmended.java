package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** The definition of a price plan (its rates are set with SetProductRate) was replaced; the event holds the whole new definition. */
@Revision("1")
public record PricePlanAmended(PricePlanDefinition definition) implements DomainEvent {
}
