package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.catalog.BillingTermSchemeAmended;
import org.subledger.kernel.catalog.BillingTermSchemeCreated;

/**
 * Revision 2 of {@link BillingTermSchemeCreated} and {@link BillingTermSchemeAmended} predates payment terms per
 * scheme: their stored definition gets {@code "paymentDueDays": null} (the ledger's default payment term, which is
 * what their bills were given), and they become revision 3. Runs after {@link BillingTermSchemePrepaidUpcaster}.
 */
public class BillingTermSchemePaymentTermUpcaster extends NextRevisionUpcaster {

    public BillingTermSchemePaymentTermUpcaster() {
        super("2", "3", BillingTermSchemePaymentTermUpcaster::defaultTerm, BillingTermSchemeCreated.class,
                BillingTermSchemeAmended.class);
    }

    private static JsonNode defaultTerm(JsonNode payload) {
        if (payload.get("definition") instanceof ObjectNode definition && !definition.has("paymentDueDays")) {
            definition.putNull("paymentDueDays");
        }
        return payload;
    }
}
