package org.subledger.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A value of a request body outside the ledger's input bounds; Jackson adds the path of the offending field. */
public class InputRefusedException extends JsonMappingException {

    private final String reason;

    public InputRefusedException(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
