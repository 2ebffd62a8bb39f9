package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** A price plan (its rates are set with SetProductRate) was added to the catalog. */
@Revision("1")
public record PricePlanCreated(PricePlanDefinition definition) implements DomainEvent {
}
