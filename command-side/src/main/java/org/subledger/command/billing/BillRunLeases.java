package org.subledger.command.billing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.Collection;

/**
 * Leases on a bill run's steps in PostgreSQL: the run's (selecting its candidates, completing it) and each
 * partition's (billing it). A node takes a lease that is free, its own, or run out, and renews it while it works.
 * <p>
 * Why leases rather than one persistent db-scheduler task per partition: the partition's checkpoint already moves in
 * the transaction of each segment, so the lease is one more column in that row, renewed and checked (fenced) by the
 * same statement; a scheduler task would detect a dead node by its own heartbeat, in another table, and could not
 * stop a node that lost its task from committing one more segment. Expiry is measured on the database's clock, the
 * one clock every node shares (node clocks may drift, or be offset for rehearsals).
 */
@Repository
class BillRunLeases {

    private final JdbcTemplate jdbc;

    BillRunLeases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the run's lease for {@code node} if it is free, its own or run out; true if taken. */
    boolean claimRun(String runId, String node, Duration duration) {
        return jdbc.update("""
                update bill_run_execution set owner = ?, lease_until = clock_timestamp() + ? * interval '1 millisecond'
                where run_id = ? and status <> 'COMPLETED'
                  and (owner is null or owner = ? or lease_until < clock_timestamp())""",
                node, duration.toMillis(), runId, node) == 1;
    }

    /** Takes a partition's lease for {@code node} if it is free, its own or run out; true if taken. */
    boolean claimPartition(String runId, int partitionNo, String node, Duration duration) {
        return jdbc.update("""
                update bill_run_partition set owner = ?, lease_until = clock_timestamp() + ? * interval '1 millisecond'
                where run_id = ? and partition_no = ? and not done
                  and (owner is null or owner = ? or lease_until < clock_timestamp())""",
                node, duration.toMillis(), runId, partitionNo, node) == 1;
    }

    /** Renews the leases {@code node} holds on the given partitions ({@code runId/partitionNo}). */
    void renew(String node, Collection<String> partitions, Duration duration) {
        if (partitions.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    update bill_run_partition
                    set lease_until = clock_timestamp() + ? * interval '1 millisecond'
                    where owner = ? and not done and run_id || '/' || partition_no = any (?)""");
            statement.setLong(1, duration.toMillis());
            statement.setString(2, node);
            statement.setArray(3, connection.createArrayOf("varchar", partitions.toArray()));
            return statement;
        });
    }

    /** Gives up the run's lease: runs it out at once, so any node may take the run. */
    void releaseRun(String runId, String node) {
        jdbc.update("update bill_run_execution set lease_until = clock_timestamp() where run_id = ? and owner = ?",
                runId, node);
    }

    /** Gives up a partition's lease (runs it out at once). */
    void releasePartition(String runId, int partitionNo, String node) {
        jdbc.update("""
                update bill_run_partition set lease_until = clock_timestamp()
                where run_id = ? and partition_no = ? and owner = ?""", runId, partitionNo, node);
    }

    /** Gives up every lease of {@code node} (it stops): the same as running out, without the wait. */
    void releaseAll(String node) {
        jdbc.update("update bill_run_partition set lease_until = clock_timestamp() where owner = ? and not done", node);
        jdbc.update("""
                update bill_run_execution set lease_until = clock_timestamp() where owner = ? and status <> 'COMPLETED'""",
                node);
    }
}
