package org.subledger.command.collections;

import java.time.Instant;

/** The payload of a run definition's recurrence deadline (stored by the deadline manager until it is due). */
public record RunDefinitionDue(String definitionId, Instant dueAt) {
}
