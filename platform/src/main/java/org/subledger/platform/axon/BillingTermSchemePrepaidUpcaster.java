package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.subledger.kernel.catalog.BillingTermSchemeAmended;
import org.subledger.kernel.catalog.BillingTermSchemeCreated;

import java.util.Set;

/**
 * Revision 1 of {@link BillingTermSchemeCreated} and {@link BillingTermSchemeAmended} predates prepaid schemes: their
 * stored definition gets {@code "prepaid": false}, and they become revision 2.
 *
 * <p>It lives here, beside {@link StorageJson}, because it works on the stored JSON and must run wherever the event
 * store is read (command side, projections, query side), and the platform is the one module on all their runtime
 * paths. Payloads are stored as text; Axon's converters turn them into a {@link JsonNode} for this upcaster.
 */
public class BillingTermSchemePrepaidUpcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES = Set.of(BillingTermSchemeCreated.class.getName(),
            BillingTermSchemeAmended.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName())
                && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"),
                JsonNode.class, BillingTermSchemePrepaidUpcaster::notPrepaid);
    }

    private static JsonNode notPrepaid(JsonNode payload) {
        if (payload.get("definition") instanceof ObjectNode definition && !definition.has("prepaid")) {
            definition.put("prepaid", false);
        }
        return payload;
    }
}
