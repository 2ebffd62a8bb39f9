package org.subledger.kernel.scheduling;

/** An event of a scheduled action. */
public interface ScheduledActionEvent {

    String scheduledActionId();

    String subscriptionId();
}
