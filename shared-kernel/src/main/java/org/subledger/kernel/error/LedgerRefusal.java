package org.subledger.kernel.error;

import java.util.Map;

/**
 * A business rule refused a command. Carries a stable {@link ErrorCode} and, where input is at fault, the offending
 * fields. Nothing is recorded when a command is refused.
 */
public class LedgerRefusal extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, String> fields;
    private final RefusedRecord refusedRecord;

    public LedgerRefusal(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public LedgerRefusal(ErrorCode code, String message, Map<String, String> fields) {
        this(code, message, fields, null);
    }

    private LedgerRefusal(ErrorCode code, String message, Map<String, String> fields, RefusedRecord refusedRecord) {
        super(message);
        this.code = code;
        this.fields = Map.copyOf(fields);
        this.refusedRecord = refusedRecord;
    }

    /**
     * The user's access scope does not reach the record: answered exactly like a record that does not exist (its
     * existence is not revealed), and recorded for the audit trail as an access refusal.
     */
    public static LedgerRefusal outOfScope(ErrorCode notFound, String recordType, String recordId, String message) {
        return outOfScope(notFound, recordType, recordId, message, Map.of());
    }

    public static LedgerRefusal outOfScope(ErrorCode notFound, String recordType, String recordId, String message,
                                           Map<String, String> fields) {
        return new LedgerRefusal(notFound, message, fields, new RefusedRecord(recordType, recordId));
    }

    static LedgerRefusal of(RefusalDetails details) {
        return new LedgerRefusal(details.code(), details.message(),
                details.fields() == null ? Map.of() : details.fields(), details.refusedRecord());
    }

    /** The record an access refusal kept from the user; {@code null} for every other refusal. */
    public RefusedRecord refusedRecord() {
        return refusedRecord;
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** The serializable form carried across nodes inside Axon's {@code CommandExecutionException} details. */
    public RefusalDetails details() {
        return new RefusalDetails(code, getMessage(), fields, refusedRecord);
    }
}
