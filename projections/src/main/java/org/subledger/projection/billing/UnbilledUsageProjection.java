package org.subledger.projection.billing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.usage.UsageBatchRecorded;
import org.subledger.kernel.usage.UsageRecorded;
import org.subledger.projection.support.CopyRows;
import org.subledger.projection.support.UnitOfWorkBuffer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@code unbilled_usage}: a usage record enters when it is recorded and leaves when a
 * {@link SubscriptionBilled} lists it. A batch keeps only the last word on each record (recorded, or billed) and
 * writes the survivors with one statement each.
 *
 * <p>A {@code UsageRecorded} is on its subscription's stream, so it arrives before the bill that lists it; inserting
 * an existing record changes nothing, so redelivery is harmless. A {@link UsageBatchRecorded} is on no stream (issue
 * 17): its records are copied in ({@code COPY}, a third of the cost of an insert a row), each batch event once
 * ({@code unbilled_usage_batch} remembers the events copied). Handled in another segment than the subscription's, its
 * bill may come first: a bill that lists a record not there yet leaves a mark ({@code unbilled_usage_billed_first}),
 * and the record, when it comes, takes the mark away and leaves again. (A bill handled again, its records gone
 * already, leaves marks that nothing takes away: harmless, as a record id is recorded once on its subscription.)
 *
 * <p>A batch record keeps its batch event's identifier, and when it is billed the pair goes to
 * {@code usage_record_event} for good: the bill explanation finds a streamed record on its subscription's stream, and
 * a batch record through that (written when billed, not when recorded: usage is the ledger's busiest input).
 */
@Component
@ProcessingGroup(BillingProjectionsConfiguration.PROCESSING_GROUP)
class UnbilledUsageProjection {

    /**
     * A batch's streamed records in one statement, each column an array: the driver rewrites a JDBC batch into
     * multi-row {@code insert … values} statements of up to 128 rows. Measured over JDBC on the bench machine, 1,000-row
     * batches into a 300,000-row table, JVM and PostgreSQL together: 14–15 µs a row as the batch, 11.5–12 µs from
     * arrays.
     */
    private static final String INSERT = """
            insert into unbilled_usage (subscription_id, record_id, account_id, product_code, used_at, amount,
                                        currency, recorded_on)
            select subscription_id, record_id, account_id, product_code, used_at::timestamp, amount::numeric,
                   currency, recorded_on::date
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 as u (subscription_id, record_id, account_id, product_code, used_at, amount, currency,
                           recorded_on)
            on conflict (subscription_id, record_id) do nothing""";
    /**
     * The records billed (two arrays: subscription ids, record ids) leave, and a batch record's event is kept; what
     * {@link #DELETE} and {@link #DELETE_OR_MARK} do first, then each with the records that were not there.
     */
    private static final String BILLED_GONE = """
            with billed as (select * from unnest(?::varchar[], ?::varchar[]) as b (subscription_id, record_id)),
                 gone as (delete from unbilled_usage u using billed b
                          where u.subscription_id = b.subscription_id and u.record_id = b.record_id
                          returning u.subscription_id, u.record_id, u.event_id),
                 sourced as (insert into usage_record_event (subscription_id, record_id, event_id)
                             select subscription_id, record_id, event_id from gone where event_id is not null
                             on conflict do nothing)
            """;
    /** The billed records not there. */
    private static final String NOT_THERE = """
            select b.subscription_id, b.record_id from billed b
            where not exists (select 1 from gone g
                              where g.subscription_id = b.subscription_id and g.record_id = b.record_id)""";
    /** The records billed leave, a batch record's event is kept; answers the records not there. */
    private static final String DELETE = BILLED_GONE + NOT_THERE;
    /** As {@link #DELETE}, under the marks' lock: a record still not there leaves a mark. */
    private static final String DELETE_OR_MARK = BILLED_GONE
            + "insert into unbilled_usage_billed_first (subscription_id, record_id)\n" + NOT_THERE
            + "\non conflict do nothing";
    /**
     * The marks' lock (a transaction's advisory lock): taken exclusively by a bill that leaves marks, shared by a
     * batch event's copy before it copies. Without it the two, handled at once in two segments, each missed the
     * other's uncommitted write: the bill found no row and marked it, the copy found no mark and stayed. With it, the
     * one that comes second sees what the first committed (each statement reads anew).
     */
    private static final long MARKS_LOCK = 0x55_42_46_49_52_53_54L; // "UBFIRST"

    /** The batch events not copied before, of those given. */
    private static final String FRESH_BATCHES = """
            insert into unbilled_usage_batch (event_id) select unnest(?::varchar[])
            on conflict do nothing returning event_id""";
    /** The records copied in whose bill was handled first leave again, with their marks. */
    private static final String BILLED_FIRST = """
            with early as (delete from unbilled_usage_billed_first f using unbilled_usage u
                           where f.subscription_id = u.subscription_id and f.record_id = u.record_id
                           returning f.subscription_id, f.record_id),
                 gone as (delete from unbilled_usage u using early e
                          where u.subscription_id = e.subscription_id and u.record_id = e.record_id
                          returning u.subscription_id, u.record_id, u.event_id)
            insert into usage_record_event (subscription_id, record_id, event_id)
            select subscription_id, record_id, event_id from gone on conflict do nothing""";
    private static final String SOURCES = """
            insert into usage_record_event (subscription_id, record_id, event_id)
            select * from unnest(?::varchar[], ?::varchar[], ?::varchar[])
            on conflict do nothing""";

    private record Key(String subscriptionId, String recordId) {
    }

    /** {@code eventId}: the batch event that recorded it, null for a streamed record. */
    private record Row(Key key, String accountId, String productCode, LocalDateTime usedAt, BigDecimal amount,
                       String currency, LocalDate recordedOn, String eventId) {
    }

    /** The last word of the batch on each record: recorded (to insert) or billed (to delete), never both. */
    private static final class Pending {
        final Map<Key, Row> recorded = new LinkedHashMap<>();
        final Map<String, Set<String>> billed = new LinkedHashMap<>();
        /** The batch events handled. */
        final Set<String> batchEvents = new LinkedHashSet<>();
        /** Batch records recorded and billed within this batch, with their batch event. */
        final Map<Key, String> sources = new LinkedHashMap<>();
    }

    private final JdbcTemplate jdbc;
    private final UnitOfWorkBuffer<Pending> pending;

    UnbilledUsageProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.pending = new UnitOfWorkBuffer<>("billing.pending-usage", Pending::new, this::write);
    }

    @EventHandler
    void on(UsageRecorded event) {
        Row row = row(event, null);
        pending.add(batch -> recorded(batch, row));
    }

    /**
     * A batch's records, as many {@code UsageRecorded}, each with the batch event: one addition, so the event and its
     * rows are written together also where the buffer writes each addition on its own (no unit of work, an isolated
     * retry).
     */
    @EventHandler
    void on(UsageBatchRecorded event, EventMessage<?> message) {
        String eventId = message.getIdentifier();
        List<Row> rows = event.records().stream().map(record -> row(record, eventId)).toList();
        pending.add(batch -> {
            batch.batchEvents.add(eventId);
            rows.forEach(row -> recorded(batch, row));
        });
    }

    private static Row row(UsageRecorded event, String eventId) {
        return new Row(new Key(event.subscriptionId(), event.recordId()), event.accountId(), event.productCode(),
                event.usedAt(), event.amount().amount(), event.amount().currency().getCurrencyCode(),
                event.recordedOn(), eventId);
    }

    private static void recorded(Pending batch, Row row) {
        batch.recorded.put(row.key(), row);
        var billed = batch.billed.get(row.key().subscriptionId());
        if (billed != null) {
            billed.remove(row.key().recordId());
        }
    }

    @EventHandler
    void on(SubscriptionBilled event) {
        if (event.usageRecordIds().isEmpty()) {
            return;
        }
        // a record recorded in this batch is settled here: it neither enters nor leaves a mark of its bill
        pending.add(batch -> event.usageRecordIds().forEach(recordId -> {
            Key key = new Key(event.subscriptionId(), recordId);
            Row settled = batch.recorded.remove(key);
            if (settled == null) {
                batch.billed.computeIfAbsent(event.subscriptionId(), id -> new LinkedHashSet<>()).add(recordId);
            } else if (settled.eventId() != null) {
                batch.sources.put(key, settled.eventId());
            }
        }));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table unbilled_usage, unbilled_usage_billed_first, usage_record_event,"
                + " unbilled_usage_batch");
    }

    private void write(Pending batch) {
        List<String> billedSubscriptions = new ArrayList<>();
        List<String> billedRecords = new ArrayList<>();
        batch.billed.forEach((subscriptionId, recordIds) -> recordIds.forEach(recordId -> {
            billedSubscriptions.add(subscriptionId);
            billedRecords.add(recordId);
        }));
        if (!billedRecords.isEmpty()) {
            billed(billedSubscriptions, billedRecords);
        }
        if (!batch.sources.isEmpty()) {
            jdbc.execute((ConnectionCallback<Integer>) connection -> sources(connection, batch.sources));
        }
        List<Row> streamed = batch.recorded.values().stream().filter(row -> row.eventId() == null).toList();
        if (!streamed.isEmpty()) {
            jdbc.execute((ConnectionCallback<Integer>) connection -> insert(connection, streamed));
        }
        if (!batch.batchEvents.isEmpty()) {
            copyBatches(batch);
        }
    }

    /**
     * The billed records leave; those not there (their batch event not handled yet, or handled again) are marked, under
     * the marks' lock and after a second look, which sees what a batch event's copy committed meanwhile.
     */
    private void billed(List<String> subscriptionIds, List<String> recordIds) {
        List<String> missingSubscriptions = new ArrayList<>();
        List<String> missingRecords = new ArrayList<>();
        jdbc.query(connection -> pairs(connection, DELETE, subscriptionIds, recordIds), row -> {
            missingSubscriptions.add(row.getString(1));
            missingRecords.add(row.getString(2));
        });
        if (!missingRecords.isEmpty()) {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", MARKS_LOCK);
            jdbc.execute((ConnectionCallback<Integer>) connection -> {
                try (PreparedStatement statement = pairs(connection, DELETE_OR_MARK, missingSubscriptions,
                        missingRecords)) {
                    return statement.executeUpdate();
                }
            });
        }
    }

    private static PreparedStatement pairs(Connection connection, String sql, List<String> subscriptionIds,
                                           List<String> recordIds) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setArray(1, connection.createArrayOf("varchar", subscriptionIds.toArray()));
        statement.setArray(2, connection.createArrayOf("varchar", recordIds.toArray()));
        return statement;
    }

    /** The records of the batch events not copied before, then the marks of those whose bill came first. */
    private void copyBatches(Pending batch) {
        Set<String> fresh = new HashSet<>(jdbc.query(connection -> {
            var statement = connection.prepareStatement(FRESH_BATCHES);
            statement.setArray(1, connection.createArrayOf("varchar", batch.batchEvents.toArray()));
            return statement;
        }, (row, n) -> row.getString(1)));
        var rows = new CopyRows("unbilled_usage", "subscription_id", "record_id", "account_id", "product_code",
                "used_at", "amount", "currency", "recorded_on", "event_id");
        batch.recorded.values().stream().filter(row -> row.eventId() != null && fresh.contains(row.eventId()))
                .forEach(row -> rows.row(row.key().subscriptionId(), row.key().recordId(), row.accountId(),
                        row.productCode(), row.usedAt().toString(), row.amount(), row.currency(), row.recordedOn(),
                        row.eventId()));
        // shared: copies run side by side, a bill that marks waits for them and they for it (MARKS_LOCK)
        jdbc.queryForList("select pg_advisory_xact_lock_shared(?)", MARKS_LOCK);
        if (rows.copy(jdbc) > 0 && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from unbilled_usage_billed_first)", Boolean.class))) {
            jdbc.update(BILLED_FIRST);
        }
    }

    private static int sources(Connection connection, Map<Key, String> sources) throws SQLException {
        int n = sources.size();
        String[][] columns = new String[3][n];
        int i = 0;
        for (var source : sources.entrySet()) {
            columns[0][i] = source.getKey().subscriptionId();
            columns[1][i] = source.getKey().recordId();
            columns[2][i++] = source.getValue();
        }
        try (PreparedStatement statement = connection.prepareStatement(SOURCES)) {
            for (int column = 0; column < columns.length; column++) {
                statement.setArray(column + 1, connection.createArrayOf("varchar", columns[column]));
            }
            return statement.executeUpdate();
        }
    }

    private static int insert(Connection connection, List<Row> rows) throws SQLException {
        int n = rows.size();
        String[][] columns = new String[8][n];
        for (int i = 0; i < n; i++) {
            Row usage = rows.get(i);
            columns[0][i] = usage.key().subscriptionId();
            columns[1][i] = usage.key().recordId();
            columns[2][i] = usage.accountId();
            columns[3][i] = usage.productCode();
            columns[4][i] = usage.usedAt().toString();
            columns[5][i] = usage.amount().toPlainString();
            columns[6][i] = usage.currency();
            columns[7][i] = usage.recordedOn().toString();
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (int column = 0; column < columns.length; column++) {
                statement.setArray(column + 1, connection.createArrayOf("text", columns[column]));
            }
            return statement.executeUpdate();
        }
    }
}
