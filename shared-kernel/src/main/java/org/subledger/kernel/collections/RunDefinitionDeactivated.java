package org.subledger.kernel.collections;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** The definition no longer starts runs by itself. */
@Revision("1")
public record RunDefinitionDeactivated(String definitionId) implements DomainEvent {
}
