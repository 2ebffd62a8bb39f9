package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** An event charge rule was replaced; the event holds the whole new definition. */
@Revision("1")
public record EventChargeRuleAmended(EventChargeRuleDefinition definition) implements DomainEvent {
}
