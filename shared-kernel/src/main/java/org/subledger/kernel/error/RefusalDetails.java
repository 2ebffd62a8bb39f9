package org.subledger.kernel.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * A refusal as data, so it survives being sent between nodes (Axon Server) and is rebuilt on the caller's side.
 * {@code refusedRecord} is set for access refusals only (and left out of the JSON otherwise, so every other refusal
 * keeps the shape it was stored and answered with).
 */
public record RefusalDetails(ErrorCode code, String message, Map<String, String> fields,
                             @JsonInclude(JsonInclude.Include.NON_NULL) RefusedRecord refusedRecord) {

    public RefusalDetails(ErrorCode code, String message, Map<String, String> fields) {
        this(code, message, fields, null);
    }

    public LedgerRefusal toRefusal() {
        return LedgerRefusal.of(this);
    }
}
