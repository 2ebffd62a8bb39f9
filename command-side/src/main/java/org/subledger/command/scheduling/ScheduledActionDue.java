package org.subledger.command.scheduling;

/** The payload of a scheduled action's deadline (stored by the deadline manager until it is due). */
public record ScheduledActionDue(String scheduledActionId) {
}
