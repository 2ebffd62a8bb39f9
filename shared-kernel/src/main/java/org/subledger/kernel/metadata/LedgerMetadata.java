package org.subledger.kernel.metadata;

/**
 * Metadata keys every command and event carries. They answer an auditor's questions about each event: who asked
 * ({@link #PRINCIPAL}, for which unit: {@link #UNIT}), in which business conversation ({@link #CORRELATION_ID}), because of which message
 * ({@link #CAUSATION_ID}), and through which client request ({@link #IDEMPOTENCY_KEY}, and the client's own
 * {@link #CLIENT_REFERENCE} when it sent one). When is the event's own timestamp.
 */
public final class LedgerMetadata {
    public static final String PRINCIPAL = "principal";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /**
     * The client's own reference for its request (its {@code X-Correlation-Id} header, at most 128 printable
     * characters): kept for the client's sake, never taken as the ledger's correlation id.
     */
    public static final String CLIENT_REFERENCE = "clientReference";
    /** The organisational unit the principal acted for; absent for the ledger's own work and users of no unit. */
    public static final String UNIT = "unit";
    /**
     * The {@code org.subledger.kernel.access.AccessScope} of the user behind a command: read by aggregates to decide
     * what the user may touch, never copied onto events (it is derived, and may be large).
     */
    public static final String ACCESS_SCOPE = "accessScope";
    /**
     * The business record whose process caused a message, e.g. {@code job:<jobId>} on the subscription a job
     * created; copied onto everything the message causes.
     */
    public static final String CAUSE = "cause";
    /**
     * On a {@code UsageBatchRecorded} only: the number of records it holds, written by the ledger with the event, so
     * that counting them never reads its payload (hundreds of kilobytes a batch).
     */
    public static final String USAGE_RECORDS = "usageRecords";

    /** The principal recorded for work the ledger does by itself (schedules, sagas started by time). */
    public static final String SYSTEM_PRINCIPAL = "system";

    private LedgerMetadata() {
    }
}
