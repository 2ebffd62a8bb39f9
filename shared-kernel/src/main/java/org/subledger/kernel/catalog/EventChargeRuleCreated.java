package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** An event charge rule was added to the catalog. */
@Revision("1")
public record EventChargeRuleCreated(EventChargeRuleDefinition definition) implements DomainEvent {
}
