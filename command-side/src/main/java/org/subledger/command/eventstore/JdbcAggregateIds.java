package org.subledger.command.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists aggregate ids from the JDBC event store's own table: every aggregate has exactly one first event (sequence
 * number 0). This reads the event store, never a projection, so an entry is listed as soon as it is recorded. The
 * stored events themselves are still read through Axon's event store (with its upcasters). Under Axon Server, which
 * has no such table, another listing would be needed.
 */
@Component
class JdbcAggregateIds implements AggregateIds, StreamPositions {

    private final JdbcTemplate jdbc;

    JdbcAggregateIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> startingWith(String prefix) {
        // a range, not LIKE: a LIKE with a bound parameter gets a generic plan that cannot use an index, and scanned
        // the whole event table on every usage command (V3_601 indexes the first events in "C" collation)
        return jdbc.queryForList("select aggregate_identifier from domain_event_entry where sequence_number = 0"
                        + " and aggregate_identifier collate \"C\" >= ? and aggregate_identifier collate \"C\" < ?"
                        + " order by aggregate_identifier", // the order catalogs were always listed in
                String.class, prefix, upperBound(prefix));
    }

    @Override
    public Map<String, Long> lastSequenceNumbersStartingWith(String prefix) {
        Map<String, Long> ids = new LinkedHashMap<>();
        // each id's last sequence number by a probe of the (aggregate_identifier, sequence_number) unique index
        jdbc.query("""
                select f.aggregate_identifier, (select max(e.sequence_number) from domain_event_entry e
                                                where e.aggregate_identifier = f.aggregate_identifier)
                from domain_event_entry f where f.sequence_number = 0
                and f.aggregate_identifier collate "C" >= ? and f.aggregate_identifier collate "C" < ?
                order by f.aggregate_identifier""", row -> {
            ids.put(row.getString(1), row.getLong(2));
        }, prefix, upperBound(prefix));
        return ids;
    }

    @Override
    public Map<String, Long> lastSequenceNumbers(Collection<String> aggregateIds) {
        Map<String, Long> last = new HashMap<>();
        if (aggregateIds.isEmpty()) {
            return last;
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select ids.id, (select max(e.sequence_number) from domain_event_entry e
                                    where e.aggregate_identifier = ids.id)
                    from unnest(?::varchar[]) as ids(id)""");
            statement.setArray(1, connection.createArrayOf("varchar", aggregateIds.toArray()));
            return statement;
        }, row -> {
            long sequence = row.getLong(2);
            if (!row.wasNull()) {
                last.put(row.getString(1), sequence);
            }
        });
        return last;
    }

    /** The least string greater than every string starting with the prefix, in byte order. */
    static String upperBound(String prefix) {
        if (prefix.isEmpty()) {
            return "\uffff";
        }
        int last = prefix.length() - 1;
        return prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
    }
}
