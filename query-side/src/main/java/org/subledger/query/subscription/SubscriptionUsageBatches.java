package org.subledger.query.subscription;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.usage.UsageBatchRecorded;
import org.subledger.query.audit.AuditedEvent;
import org.subledger.query.audit.StoredEventAt;

import java.util.ArrayList;
import java.util.List;

/**
 * The mediation batch events that hold a subscription's usage records (issue 17: a batch's records are one
 * {@code UsageBatchRecorded} event on no stream, so the stream's audit trail does not list them). They are found
 * through billing's index of those events ({@code batch_usage_event}: each batch record's {@code event_id}, kept with
 * its id's claim in {@code usage_record_id}, V3_1060/V2_997), written with the batch's event, so a batch is listed as
 * soon as it is recorded; each event is then read from the event store, upcast as every reader reads it, and
 * shown with only the subscription's records.
 */
@Component
class SubscriptionUsageBatches {

    /** The global indexes of the batch events holding the subscription's records. */
    private static final String BATCH_EVENTS = """
            select e.global_index from domain_event_entry e
            where e.event_identifier in (select event_id from batch_usage_event where subscription_id = ?)""";


    private final JdbcTemplate jdbc;
    private final StoredEventAt eventAt;

    SubscriptionUsageBatches(JdbcTemplate jdbc, StoredEventAt eventAt) {
        this.jdbc = jdbc;
        this.eventAt = eventAt;
    }

    /** A page of them, oldest first (by their place in the store). */
    UsageBatchEventsView page(String subscriptionId, int page, int size) {
        long total = jdbc.queryForObject("select count(*) from (" + BATCH_EVENTS + ") batches", Long.class,
                subscriptionId);
        List<Long> globalIndexes = jdbc.queryForList(BATCH_EVENTS + " order by 1 limit ? offset ?", Long.class,
                subscriptionId, size, (long) page * size);
        List<UsageBatchEvent> batches = new ArrayList<>();
        for (long globalIndex : globalIndexes) {
            TrackedEventMessage<?> stored = eventAt.read(globalIndex);
            if (stored != null && stored.getPayload() instanceof UsageBatchRecorded batch) {
                var mine = new UsageBatchRecorded(batch.batchId(), batch.recordsOf(subscriptionId));
                batches.add(new UsageBatchEvent(globalIndex, AuditedEvent.ofPart(stored, mine)));
            }
        }
        return new UsageBatchEventsView(subscriptionId, batches, page, size, total, (total + size - 1) / size);
    }

    /** A batch event by its place in the whole store, with only the subscription's records in its payload. */
    public record UsageBatchEvent(long globalIndex, AuditedEvent event) {
    }

    /** A page of the batch events holding a subscription's usage records. */
    public record UsageBatchEventsView(String subscriptionId, List<UsageBatchEvent> events, int page, int size,
                                       long totalElements, long totalPages) {
    }
}
