package org.subledger.kernel.collections;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

import java.time.LocalDate;

/**
 * A run of the definition was asked for, now or by its recurrence, with the definition's settings of that moment.
 * Revision 2: settings with behaviour codes.
 */
@Revision("2")
public record CollectionRunRequested(String definitionId,
                                     String runId,
                                     RunSettings settings,
                                     LocalDate asOf,
                                     boolean scheduled) implements DomainEvent {
}
