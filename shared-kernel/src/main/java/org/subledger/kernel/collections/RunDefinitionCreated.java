package org.subledger.kernel.collections;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** A deactivation or reactivation run was defined (inactive until activated). */
@Revision("1")
public record RunDefinitionCreated(String definitionId, RunSettings settings) implements DomainEvent {
}
