package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.subledger.kernel.catalog.SubscriptionTypeAmended;
import org.subledger.kernel.catalog.SubscriptionTypeCreated;

import java.util.Set;

/**
 * Revision 1 of {@link SubscriptionTypeCreated} and {@link SubscriptionTypeAmended} predates controlled selection:
 * the type is open to every unit ({@code "allowedOrganisationalUnits": []}), and they become revision 2.
 */
public class SubscriptionTypeUnitsUpcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES = Set.of(SubscriptionTypeCreated.class.getName(),
            SubscriptionTypeAmended.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName())
                && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"),
                JsonNode.class, SubscriptionTypeUnitsUpcaster::openToAll);
    }

    private static JsonNode openToAll(JsonNode payload) {
        if (payload.get("definition") instanceof ObjectNode definition && !definition.has("allowedOrganisationalUnits")) {
            definition.putArray("allowedOrganisationalUnits");
        }
        return payload;
    }
}
