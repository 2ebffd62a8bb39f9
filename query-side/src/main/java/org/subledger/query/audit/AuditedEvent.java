package org.subledger.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event as an auditor sees it: its place in the aggregate's history, what happened ({@code type} and
 * {@code payload}), when, who caused it for which unit, because of which business record ({@code cause}), in which
 * conversation ({@code correlationId}, {@code causationId}) through which request ({@code idempotencyKey}), all of
 * its {@code metadata} as stored, and {@code stateAfter}: the aggregate as the stream's one fold leaves it after this
 * event ({@code null} where a trail shows events only).
 */
public record AuditedEvent(long sequenceNumber,
                           String eventId,
                           String type,
                           Instant timestamp,
                           String principal,
                           String unit,
                           String cause,
                           String correlationId,
                           String causationId,
                           String idempotencyKey,
                           Object payload,
                           Map<String, Object> metadata,
                           Object stateAfter) {

    public static AuditedEvent of(DomainEventMessage<?> event) {
        return of(event, null);
    }

    public static AuditedEvent of(DomainEventMessage<?> event, Object stateAfter) {
        return of(event, event.getSequenceNumber(), stateAfter, event.getPayload());
    }

    /**
     * An event stored without an aggregate (its own stream, where it is the first: sequence number 0) with a part of
     * its payload only, e.g. a mediation batch's records of one subscription.
     */
    public static AuditedEvent ofPart(EventMessage<?> event, Object payload) {
        return of(event, 0, null, payload);
    }

    private static AuditedEvent of(EventMessage<?> event, long sequenceNumber, Object stateAfter, Object payload) {
        Map<String, Object> metadata = event.getMetaData();
        return new AuditedEvent(sequenceNumber, event.getIdentifier(),
                event.getPayloadType().getSimpleName(), event.getTimestamp(),
                text(metadata, LedgerMetadata.PRINCIPAL), text(metadata, LedgerMetadata.UNIT),
                text(metadata, LedgerMetadata.CAUSE), text(metadata, LedgerMetadata.CORRELATION_ID),
                text(metadata, LedgerMetadata.CAUSATION_ID), text(metadata, LedgerMetadata.IDEMPOTENCY_KEY),
                payload, metadata, stateAfter);
    }

    private static String text(Map<String, Object> metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
