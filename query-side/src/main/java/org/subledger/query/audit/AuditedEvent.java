package org.subledger.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event as an auditor sees it: its place in the aggregate's history, what happened ({@code type} and
 * {@code payload}), when, and who caused it through which request ({@code metadata}: principal, correlationId,
 * causationId, idempotencyKey).
 */
public record AuditedEvent(long sequenceNumber,
                           String eventId,
                           String type,
                           Instant timestamp,
                           Object payload,
                           Map<String, Object> metadata) {

    static AuditedEvent of(DomainEventMessage<?> event) {
        return new AuditedEvent(event.getSequenceNumber(), event.getIdentifier(),
                event.getPayloadType().getSimpleName(), event.getTimestamp(), event.getPayload(),
                event.getMetaData());
    }
}
