package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.subscription.SubscriptionCreated;

/**
 * Revision 1 of {@link AccountOpened} and {@link SubscriptionCreated} predates organisational units: the record is
 * owned by no unit ({@code "owningUnit": null}, open to all staff), and they become revision 2.
 */
public class OwningUnitUpcaster extends NextRevisionUpcaster {

    public OwningUnitUpcaster() {
        super("1", "2", OwningUnitUpcaster::ownedByNoUnit, AccountOpened.class, SubscriptionCreated.class);
    }

    private static JsonNode ownedByNoUnit(JsonNode payload) {
        if (payload instanceof ObjectNode event && !event.has("owningUnit")) {
            event.putNull("owningUnit");
        }
        return payload;
    }
}
