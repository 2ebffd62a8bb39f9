package org.subledger.benchmarks;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.kernel.account.ChargePosted;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Brings the event store up to the number of events the replay is measured on, quickly and honestly: real
 * {@link ChargePosted} events of the benchmark's accounts, each the next sequence number of its account with the
 * right balance, appended through Axon's own {@link EventStorageEngine} (so serialised and stored exactly as the
 * command side stores them), in batches. Only for after the command runs: the aggregate cache does not see them.
 */
final class EventTopUp {

    private static final int BATCH = 1_000;

    private final EventStorageEngine storageEngine;
    private final JdbcTemplate jdbc;

    EventTopUp(EventStorageEngine storageEngine, JdbcTemplate jdbc) {
        this.storageEngine = storageEngine;
        this.jdbc = jdbc;
    }

    long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /** Appends charges until the store holds {@code target} events; returns how many were appended. */
    long topUp(long target) {
        long missing = target - events();
        if (missing <= 0) {
            return 0;
        }
        Map<String, Long> lastSequence = new LinkedHashMap<>();
        jdbc.query("select aggregate_identifier, max(sequence_number) from domain_event_entry"
                        + " where aggregate_identifier like 'BENCH-%' group by aggregate_identifier"
                        + " order by aggregate_identifier",
                row -> {
                    lastSequence.put(row.getString(1), row.getLong(2));
                });
        String aggregateType = jdbc.queryForObject("select type from domain_event_entry"
                + " where aggregate_identifier like 'BENCH-%' limit 1", String.class);
        MetaData metaData = sampleMetaData(lastSequence.keySet().iterator().next());
        List<String> accounts = new ArrayList<>(lastSequence.keySet());
        List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
        for (long n = 0; n < missing; n++) {
            String accountId = accounts.get((int) (n % accounts.size()));
            long sequence = lastSequence.merge(accountId, 1L, Long::sum);
            add(batch, charge(aggregateType, accountId, sequence, "topup-" + n, metaData));
        }
        flush(batch);
        return missing;
    }

    /**
     * Appends charges to one account opened by a command (and charged by none yet) until its stream holds
     * {@code events} events; the Account aggregate does not see them (no snapshot is taken), as after an import.
     */
    void extend(String accountId, long events) {
        String aggregateType = jdbc.queryForObject("select type from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = 0", String.class, accountId);
        MetaData metaData = sampleMetaData(accountId);
        List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
        for (long sequence = 1; sequence < events; sequence++) {
            add(batch, charge(aggregateType, accountId, sequence, accountId + "-history-" + sequence, metaData));
        }
        flush(batch);
    }

    /** The charge at {@code sequence}: every event after AccountOpened (0) is one charge of the same amount. */
    private static DomainEventMessage<?> charge(String aggregateType, String accountId, long sequence,
                                                String postingId, MetaData metaData) {
        String correlation = UUID.randomUUID().toString();
        var charge = new ChargePosted(accountId, postingId, money(CommandThroughput.CHARGE), "Monthly subscription",
                "INV-" + postingId, money(CommandThroughput.CHARGE.multiply(BigDecimal.valueOf(sequence))));
        return new GenericDomainEventMessage<>(aggregateType, accountId, sequence, charge,
                metaData.and(LedgerMetadata.CORRELATION_ID, correlation).and(LedgerMetadata.CAUSATION_ID, correlation));
    }

    private void add(List<DomainEventMessage<?>> batch, DomainEventMessage<?> event) {
        batch.add(event);
        if (batch.size() == BATCH) {
            flush(batch);
        }
    }

    private void flush(List<DomainEventMessage<?>> batch) {
        if (!batch.isEmpty()) {
            storageEngine.appendEvents(batch);
            batch.clear();
        }
    }

    /** The metadata the command side stored with an account's event (principal, correlation). */
    private MetaData sampleMetaData(String accountId) {
        var events = storageEngine.readEvents(accountId);
        return events.hasNext() ? events.next().getMetaData() : MetaData.with(LedgerMetadata.PRINCIPAL, "benchmark");
    }

    private static Money money(BigDecimal amount) {
        return Money.of(amount, CommandThroughput.CURRENCY);
    }
}
