package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Arrays;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Takes stored events of some types from one revision to the next by changing their JSON payload (typically: a field
 * the new revision added, given the value that says what the old events meant).
 *
 * <p>The upcasters live here, beside {@link StorageJson}, because they work on the stored JSON and must run wherever
 * the event store is read (command side, projections, query side), and the platform is the one module on all their
 * runtime paths. Payloads are stored as text; Axon's converters turn them into a {@link JsonNode} for the change.
 */
abstract class NextRevisionUpcaster extends SingleEventUpcaster {

    private final Set<String> types;
    private final String from;
    private final String to;
    private final UnaryOperator<JsonNode> change;

    NextRevisionUpcaster(String from, String to, UnaryOperator<JsonNode> change, Class<?>... types) {
        this.types = Arrays.stream(types).map(Class::getName).collect(Collectors.toUnmodifiableSet());
        this.from = from;
        this.to = to;
        this.change = change;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return types.contains(representation.getType().getName()) && from.equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), to),
                JsonNode.class, change::apply);
    }
}
