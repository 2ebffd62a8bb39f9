package org.subledger.kernel.metadata;

/**
 * Metadata keys every command and event carries. They answer an auditor's questions about each event: who asked
 * ({@link #PRINCIPAL}), in which business conversation ({@link #CORRELATION_ID}), because of which message
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

    /** The principal recorded for work the ledger does by itself (schedules, sagas started by time). */
    public static final String SYSTEM_PRINCIPAL = "system";

    private LedgerMetadata() {
    }
}
