package org.subledger.kernel.collections;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/**
 * A deactivation, reactivation or scheduled-actions run was defined (inactive until activated). Revision 2: the
 * settings name the behaviour codes of a scheduled-actions run (null in revision 1, which had no such runs).
 */
@Revision("2")
public record RunDefinitionCreated(String definitionId, RunSettings settings) implements DomainEvent {
}
