package org.subledger.command.scheduling;

import org.subledger.kernel.error.RefusalDetails;

/** Sends a due scheduled action's subscription command and reports its refusal, or null when it was accepted. */
public interface ScheduledActionRunner {

    RefusalDetails run(Object command);
}
