package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** A billing term scheme was added to the catalog. */
@Revision("1")
public record BillingTermSchemeCreated(BillingTermSchemeDefinition definition) implements DomainEvent {
}
