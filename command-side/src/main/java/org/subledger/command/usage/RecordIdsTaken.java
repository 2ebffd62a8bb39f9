package org.subledger.command.usage;

/**
 * A usage record id a mediation batch claims last ({@link UnbilledBatchUsage#add}, or its claims of the records it
 * puts on subscriptions' streams) was claimed already: recorded before, or by a concurrent command that committed
 * first. The batch rolls back whole.
 */
public class RecordIdsTaken extends RuntimeException {

    public RecordIdsTaken(String message, Throwable cause) {
        super(message, cause);
    }
}
