package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.catalog.BillingTermSchemeAmended;
import org.subledger.kernel.catalog.BillingTermSchemeCreated;

/**
 * Revision 1 of {@link BillingTermSchemeCreated} and {@link BillingTermSchemeAmended} predates prepaid schemes: their
 * stored definition gets {@code "prepaid": false}, and they become revision 2.
 */
public class BillingTermSchemePrepaidUpcaster extends NextRevisionUpcaster {

    public BillingTermSchemePrepaidUpcaster() {
        super("1", "2", BillingTermSchemePrepaidUpcaster::notPrepaid, BillingTermSchemeCreated.class,
                BillingTermSchemeAmended.class);
    }

    private static JsonNode notPrepaid(JsonNode payload) {
        if (payload.get("definition") instanceof ObjectNode definition && !definition.has("prepaid")) {
            definition.put("prepaid", false);
        }
        return payload;
    }
}
