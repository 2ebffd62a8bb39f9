package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.catalog.ActivityTypeAmended;
import org.subledger.kernel.catalog.ActivityTypeCreated;

/**
 * Revision 1 of {@link ActivityTypeCreated} and {@link ActivityTypeAmended} predates the terms of an activity's
 * services: their stored definition gets {@code "serviceTerms": []} (every allowed service without a minimum time,
 * changeable and optional, as they were treated), and they become revision 2.
 */
public class ActivityServiceTermsUpcaster extends NextRevisionUpcaster {

    public ActivityServiceTermsUpcaster() {
        super("1", "2", ActivityServiceTermsUpcaster::withoutTerms, ActivityTypeCreated.class,
                ActivityTypeAmended.class);
    }

    private static JsonNode withoutTerms(JsonNode payload) {
        if (payload.get("definition") instanceof ObjectNode definition && !definition.has("serviceTerms")) {
            definition.putArray("serviceTerms");
        }
        return payload;
    }
}
