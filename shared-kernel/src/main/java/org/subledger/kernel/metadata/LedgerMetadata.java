package org.subledger.kernel.metadata;

/**
 * Metadata keys every command and event carries. They answer an auditor's questions about each event: who asked
 * ({@link #PRINCIPAL}), in which business conversation ({@link #CORRELATION_ID}), because of which message
 * ({@link #CAUSATION_ID}), and through which client request ({@link #IDEMPOTENCY_KEY}). When is the event's own
 * timestamp.
 */
public final class LedgerMetadata {
    public static final String PRINCIPAL = "principal";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    /** The principal recorded for work the ledger does by itself (schedules, sagas started by time). */
    public static final String SYSTEM_PRINCIPAL = "system";

    private LedgerMetadata() {
    }
}
