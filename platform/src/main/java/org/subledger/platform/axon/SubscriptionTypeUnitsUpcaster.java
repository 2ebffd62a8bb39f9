package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.catalog.SubscriptionTypeAmended;
import org.subledger.kernel.catalog.SubscriptionTypeCreated;

/**
 * Revision 1 of {@link SubscriptionTypeCreated} and {@link SubscriptionTypeAmended} predates controlled selection:
 * the type is open to every unit ({@code "allowedOrganisationalUnits": []}), and they become revision 2.
 */
public class SubscriptionTypeUnitsUpcaster extends NextRevisionUpcaster {

    public SubscriptionTypeUnitsUpcaster() {
        super("1", "2", SubscriptionTypeUnitsUpcaster::openToAll, SubscriptionTypeCreated.class,
                SubscriptionTypeAmended.class);
    }

    private static JsonNode openToAll(JsonNode payload) {
        if (payload.get("definition") instanceof ObjectNode definition
                && !definition.has("allowedOrganisationalUnits")) {
            definition.putArray("allowedOrganisationalUnits");
        }
        return payload;
    }
}
