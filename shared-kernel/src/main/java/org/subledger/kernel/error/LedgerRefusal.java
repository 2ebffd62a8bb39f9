package org.subledger.kernel.error;

import java.util.Map;

/**
 * A business rule refused a command. Carries a stable {@link ErrorCode} and, where input is at fault, the offending
 * fields. Nothing is recorded when a command is refused.
 */
public class LedgerRefusal extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, String> fields;

    public LedgerRefusal(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public LedgerRefusal(ErrorCode code, String message, Map<String, String> fields) {
        super(message);
        this.code = code;
        this.fields = Map.copyOf(fields);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** The serializable form carried across nodes inside Axon's {@code CommandExecutionException} details. */
    public RefusalDetails details() {
        return new RefusalDetails(code, getMessage(), fields);
    }
}
