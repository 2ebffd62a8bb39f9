package org.subledger.command.collections;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which collections runs are unfinished, when each may take its next batch, and which node executes it. A node takes
 * a run whose lease is free, its own or run out (database time, the clock every node shares), so a run has one
 * executor at a time, and one abandoned by a stopped or dead node is taken over by another.
 */
@Repository
class CollectionRunStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CollectionRunStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers a started run (a repeat changes nothing). */
    void register(String runId, String definitionId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into collection_run_execution (run_id, definition_id, next_batch_at, registered_at)
                values (?, ?, ?, ?) on conflict (run_id) do nothing""", runId, definitionId, now, now);
    }

    /** Unfinished runs whose next batch may start now, oldest first. */
    List<String> due() {
        return jdbc.queryForList("""
                select run_id from collection_run_execution
                where not finished and next_batch_at <= ? order by registered_at, run_id""", String.class,
                Timestamp.from(clock.instant()));
    }

    boolean claim(String runId, String node, Duration lease) {
        return jdbc.update("""
                update collection_run_execution
                set owner = ?, lease_until = clock_timestamp() + ? * interval '1 millisecond'
                where run_id = ? and not finished
                  and (owner is null or owner = ? or lease_until < clock_timestamp())""",
                node, lease.toMillis(), runId, node) == 1;
    }

    /** The next batch waits until {@code at}; renews the lease, and says whether {@code node} still holds it. */
    boolean nextBatchAt(String runId, String node, Instant at, Duration lease) {
        return jdbc.update("""
                update collection_run_execution
                set next_batch_at = ?, lease_until = clock_timestamp() + ? * interval '1 millisecond'
                where run_id = ? and owner = ? and not finished""",
                Timestamp.from(at), lease.toMillis(), runId, node) == 1;
    }

    /** Renews the lease within a long batch; false if {@code node} no longer holds it. */
    boolean renew(String runId, String node, Duration lease) {
        return jdbc.update("""
                update collection_run_execution set lease_until = clock_timestamp() + ? * interval '1 millisecond'
                where run_id = ? and owner = ? and not finished""", lease.toMillis(), runId, node) == 1;
    }

    void finished(String runId) {
        jdbc.update("update collection_run_execution set finished = true, lease_until = null where run_id = ?", runId);
    }

    void release(String runId, String node) {
        jdbc.update("""
                update collection_run_execution set lease_until = clock_timestamp()
                where run_id = ? and owner = ?""", runId, node);
    }

    void releaseAll(String node) {
        jdbc.update("""
                update collection_run_execution set lease_until = clock_timestamp()
                where owner = ? and not finished""", node);
    }
}
