package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.billing.BillRunStarted;

/**
 * Revision 1 of {@link BillRunStarted} predates runs scoped to accounts: such a run was over every account
 * ({@code "accountIds": null}), and it becomes revision 2.
 */
public class BillRunScopeUpcaster extends NextRevisionUpcaster {

    public BillRunScopeUpcaster() {
        super("1", "2", BillRunScopeUpcaster::everyAccount, BillRunStarted.class);
    }

    private static JsonNode everyAccount(JsonNode payload) {
        if (payload instanceof ObjectNode event && !event.has("accountIds")) {
            event.putNull("accountIds");
        }
        return payload;
    }
}
