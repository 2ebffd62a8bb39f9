package org.subledger.query.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.billing.BillRunState;
import org.subledger.kernel.billing.query.BillRunSummary;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A bill run as it stood at an instant: its own stream folded up to then by {@link BillRunState} (the aggregate's
 * fold). While it was still running then, what it had billed and failed so far are its bills and failures recorded
 * up to that instant: each is an immutable fact of another stream, kept by the billing read model with the time of
 * its event ({@code bill.issued_at}, {@code bill_run_failure.failed_at}), so counting those up to the instant is
 * what the events say (once the read model has caught up with them).
 */
@Component
class BillRunsAsOf {

    private final EventStore eventStore;
    private final NamedParameterJdbcTemplate jdbc;

    BillRunsAsOf(@Lazy EventStore eventStore, NamedParameterJdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** The run's events, oldest first; empty when there is no such run. */
    List<? extends DomainEventMessage<?>> events(String runId) {
        return eventStore.readEvents(runId, 0).asStream().toList();
    }

    /** The run at {@code asOf}; empty if it had not started by then. */
    Optional<BillRunSummary> asOf(List<? extends DomainEventMessage<?>> events, Instant asOf) {
        var state = new BillRunState();
        String startedBy = null;
        for (var event : events) {
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (!state.started()) {
                startedBy = (String) event.getMetaData().get(LedgerMetadata.PRINCIPAL);
            }
            state.apply(event.getPayload(), event.getTimestamp());
        }
        if (!state.started()) {
            return Optional.empty();
        }
        long billed = 0;
        long failed = 0;
        if (!state.completed()) {
            var parameters = new MapSqlParameterSource("runId", state.runId())
                    .addValue("asOf", asOf.atOffset(ZoneOffset.UTC));
            billed = count("select count(*) from bill where run_id = :runId and issued_at <= :asOf", parameters);
            failed = count("select count(*) from bill_run_failure where run_id = :runId and failed_at <= :asOf",
                    parameters);
        }
        return Optional.of(state.summary(billed, failed, startedBy));
    }

    private long count(String sql, MapSqlParameterSource parameters) {
        Long count = jdbc.queryForObject(sql, parameters, Long.class);
        return count == null ? 0 : count;
    }
}
