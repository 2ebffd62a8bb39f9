package org.subledger.kernel.collections;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

import java.time.LocalDate;

/**
 * A collections run started, with its definition's settings and its as-of date. Revision 2: settings with behaviour
 * codes.
 */
@Revision("2")
public record CollectionRunStarted(String runId,
                                   String definitionId,
                                   RunSettings settings,
                                   LocalDate asOf) implements DomainEvent {
}
