package org.subledger.kernel.collections;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

import java.time.Instant;

/**
 * The definition starts runs by its recurrence from now on, the first at {@code nextRunAt} (none without a
 * recurrence).
 */
@Revision("1")
public record RunDefinitionActivated(String definitionId, Instant nextRunAt) implements DomainEvent {
}
