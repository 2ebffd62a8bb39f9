package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.catalog.BillingTermSchemeAmended;
import org.subledger.kernel.catalog.BillingTermSchemeCreated;

/**
 * Revision 4 of {@link BillingTermSchemeCreated} and {@link BillingTermSchemeAmended} predates bills per account:
 * its stored definition gets {@code "billPer": "SUBSCRIPTION"} (its subscriptions were billed one bill each, and the
 * scheme goes on doing so until it is amended), and it becomes revision 5.
 */
public class BillingTermSchemeBillPerUpcaster extends NextRevisionUpcaster {

    public BillingTermSchemeBillPerUpcaster() {
        super("4", "5", BillingTermSchemeBillPerUpcaster::billedPerSubscription, BillingTermSchemeCreated.class,
                BillingTermSchemeAmended.class);
    }

    private static JsonNode billedPerSubscription(JsonNode payload) {
        if (payload.get("definition") instanceof ObjectNode definition && !definition.has("billPer")) {
            definition.put("billPer", "SUBSCRIPTION");
        }
        return payload;
    }
}
