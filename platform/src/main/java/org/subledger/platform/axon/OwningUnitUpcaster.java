package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.subscription.SubscriptionCreated;

import java.util.Set;

/**
 * Revision 1 of {@link AccountOpened} and {@link SubscriptionCreated} predates organisational units: the record is
 * owned by no unit ({@code "owningUnit": null}, open to all staff), and they become revision 2.
 */
public class OwningUnitUpcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES = Set.of(AccountOpened.class.getName(),
            SubscriptionCreated.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName())
                && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"),
                JsonNode.class, OwningUnitUpcaster::ownedByNoUnit);
    }

    private static JsonNode ownedByNoUnit(JsonNode payload) {
        if (payload instanceof ObjectNode event && !event.has("owningUnit")) {
            event.putNull("owningUnit");
        }
        return payload;
    }
}
