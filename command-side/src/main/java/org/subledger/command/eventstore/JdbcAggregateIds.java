package org.subledger.command.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Lists aggregate ids from the JDBC event store's own table: every aggregate has exactly one first event (sequence
 * number 0). This reads the event store, never a projection, so an entry is listed as soon as it is recorded. The
 * stored events themselves are still read through Axon's event store (with its upcasters). Under Axon Server, which
 * has no such table, another listing would be needed.
 */
@Component
class JdbcAggregateIds implements AggregateIds {

    private final JdbcTemplate jdbc;

    JdbcAggregateIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> startingWith(String prefix) {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.queryForList("select aggregate_identifier from domain_event_entry"
                + " where sequence_number = 0 and aggregate_identifier like ? order by aggregate_identifier",
                String.class, pattern);
    }
}
