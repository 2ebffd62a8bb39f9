package org.subledger.platform.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.platform.axon.StorageJson;

import java.util.List;

/**
 * Turns each stored event into one delivery per endpoint subscribed to its type, in the processing group's own
 * transaction (so with its token: an event is enqueued once however often the group replays a batch). It runs
 * behind the command path like any projection and sends nothing itself: a slow or dead receiver can delay only its
 * own deliveries, never a command. A replay of its processor (the shared read models') enqueues nothing again.
 */
@DisallowReplay
@ProcessingGroup(WebhookEnqueuer.PROCESSING_GROUP)
public class WebhookEnqueuer {

    public static final String PROCESSING_GROUP = "webhooks";

    private static final String ENQUEUE = """
            insert into webhook_delivery (endpoint_id, event_id, event_type, body, state, next_attempt_at)
            values (?, ?, ?, ?, 'PENDING', now())
            on conflict (endpoint_id, event_id) do nothing""";

    private final JdbcTemplate jdbc;
    private final WebhookEndpoints endpoints;
    private final ObjectMapper json = StorageJson.objectMapper();

    public WebhookEnqueuer(JdbcTemplate jdbc, WebhookEndpoints endpoints) {
        this.jdbc = jdbc;
        this.endpoints = endpoints;
    }

    /**
     * Takes the message, not the payload: the event's type comes from its stored type name, so an event no endpoint
     * subscribed to (nearly all of them) is never deserialised; the payload and metadata are read only to write a
     * delivery's body.
     */
    @EventHandler(payloadType = DomainEvent.class)
    void on(EventMessage<?> message, TrackingToken token) {
        String type = message.getPayloadType().getSimpleName();
        List<WebhookEndpoints.Subscriber> subscribers = endpoints.subscribers(type);
        if (subscribers.isEmpty()) {
            return;
        }
        long index = token == null ? Long.MAX_VALUE : token.position().orElse(Long.MAX_VALUE);
        String body = null;
        for (var subscriber : subscribers) {
            if (index <= subscriber.startsAfterIndex()) {
                continue;
            }
            if (body == null) {
                body = body(type, (DomainEvent) message.getPayload(), message);
            }
            jdbc.update(ENQUEUE, subscriber.id(), message.getIdentifier(), type, body);
        }
    }

    private String body(String type, DomainEvent payload, EventMessage<?> message) {
        ObjectNode node = json.createObjectNode();
        node.put("id", message.getIdentifier());
        node.put("type", type);
        node.put("occurredAt", message.getTimestamp().toString());
        if (message instanceof DomainEventMessage<?> domain) {
            node.put("aggregateType", domain.getType());
            node.put("aggregateId", domain.getAggregateIdentifier());
            node.put("sequence", domain.getSequenceNumber());
        }
        putText(node, "principal", message.getMetaData().get(LedgerMetadata.PRINCIPAL));
        putText(node, "unit", message.getMetaData().get(LedgerMetadata.UNIT));
        putText(node, "correlationId", message.getMetaData().get(LedgerMetadata.CORRELATION_ID));
        node.set("data", json.valueToTree(payload));
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event that was stored as JSON cannot fail to be written as JSON", e);
        }
    }

    private static void putText(ObjectNode node, String field, Object value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }
}
