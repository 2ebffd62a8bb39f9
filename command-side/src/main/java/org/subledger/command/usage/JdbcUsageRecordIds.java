package org.subledger.command.usage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code usage_record_id} table: one row per recorded usage record, keyed by subscription and record id, so a
 * duplicate check is one index probe per batch whatever the history. Written in the command's transaction (Axon's
 * unit of work holds the Spring transaction the event store appends in), so a row exists exactly when its
 * {@code UsageRecorded} event does.
 */
@Repository
class JdbcUsageRecordIds implements UsageRecordIds {

    private final JdbcTemplate jdbc;

    JdbcUsageRecordIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> recorded(String subscriptionId, Collection<String> recordIds) {
        return recordIds.isEmpty() ? Set.of()
                : recorded(Map.of(subscriptionId, recordIds)).getOrDefault(subscriptionId, Set.of());
    }

    @Override
    public Map<String, Set<String>> recorded(Map<String, ? extends Collection<String>> recordIdsBySubscription) {
        // one probe of the primary key per pair, in one statement for the whole batch: the function's plan cannot
        // become a scan of the whole table, whatever its statistics say (V3_1000)
        return pairs("select subscription_id, record_id from usage_records_recorded(?::varchar[], ?::varchar[])",
                recordIdsBySubscription);
    }

    @Override
    public Map<String, Set<String>> claim(Map<String, ? extends Collection<String>> recordIdsBySubscription) {
        return pairs("""
                insert into usage_record_id (subscription_id, record_id)
                select * from unnest(?::varchar[], ?::varchar[])
                on conflict do nothing returning subscription_id, record_id""", recordIdsBySubscription);
    }

    /** Sends the pairs in the order of their keys ({@link RecordIdPairs}). */
    private Map<String, Set<String>> pairs(String sql, Map<String, ? extends Collection<String>> bySubscription) {
        var pairs = RecordIdPairs.inKeyOrder(bySubscription);
        Map<String, Set<String>> answered = new HashMap<>();
        if (pairs.isEmpty()) {
            return answered;
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setArray(1, connection.createArrayOf("varchar", pairs.subscriptionIds().toArray()));
            statement.setArray(2, connection.createArrayOf("varchar", pairs.recordIds().toArray()));
            return statement;
        }, row -> {
            answered.computeIfAbsent(row.getString(1), id -> new HashSet<>()).add(row.getString(2));
        });
        return answered;
    }

    @Override
    public Set<String> claim(String subscriptionId, Collection<String> recordIds) {
        // a concurrent claim of the same id waits for the other transaction and then does nothing: never an error
        return recordIds.isEmpty() ? Set.of() : ids("""
                insert into usage_record_id (subscription_id, record_id) select ?, unnest(?::varchar[])
                on conflict do nothing returning record_id""", subscriptionId, recordIds);
    }

    private Set<String> ids(String sql, String subscriptionId, Collection<String> recordIds) {
        Set<String> ids = new HashSet<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            Array array = connection.createArrayOf("varchar", recordIds.toArray());
            statement.setString(1, subscriptionId);
            statement.setArray(2, array);
            return statement;
        }, row -> {
            ids.add(row.getString(1));
        });
        return ids;
    }
}
