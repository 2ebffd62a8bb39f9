package org.subledger.kernel.error;

import java.util.Map;

/** A refusal as data, so it survives being sent between nodes (Axon Server) and is rebuilt on the caller's side. */
public record RefusalDetails(ErrorCode code, String message, Map<String, String> fields) {

    public LedgerRefusal toRefusal() {
        return new LedgerRefusal(code, message, fields == null ? Map.of() : fields);
    }
}
