package org.subledger.kernel.collections;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** A run definition's settings were changed; its next runs use them. Revision 2: settings with behaviour codes. */
@Revision("2")
public record RunDefinitionChanged(String definitionId, RunSettings settings) implements DomainEvent {
}
