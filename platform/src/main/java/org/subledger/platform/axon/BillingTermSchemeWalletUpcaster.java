package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.catalog.BillingTermSchemeAmended;
import org.subledger.kernel.catalog.BillingTermSchemeCreated;

/**
 * Revision 3 of {@link BillingTermSchemeCreated} and {@link BillingTermSchemeAmended} predates wallets: its stored
 * definition gets {@code "prepaidSettlement": "ACCOUNT"} (its bills were posted to the account, as before), and it
 * becomes revision 4.
 */
public class BillingTermSchemeWalletUpcaster extends NextRevisionUpcaster {

    public BillingTermSchemeWalletUpcaster() {
        super("3", "4", BillingTermSchemeWalletUpcaster::settledOnTheAccount, BillingTermSchemeCreated.class,
                BillingTermSchemeAmended.class);
    }

    private static JsonNode settledOnTheAccount(JsonNode payload) {
        if (payload.get("definition") instanceof ObjectNode definition && !definition.has("prepaidSettlement")) {
            definition.put("prepaidSettlement", "ACCOUNT");
        }
        return payload;
    }
}
