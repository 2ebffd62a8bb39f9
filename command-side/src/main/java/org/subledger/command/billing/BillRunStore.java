package org.subledger.command.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.subledger.kernel.billing.BillRunStarted;
import org.subledger.kernel.catalog.BillingFrequency;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bill run's execution state in PostgreSQL: the run (with the metadata of the request that started it, which every
 * event the run writes carries on), its frozen candidates split into partitions by account, and each partition's
 * checkpoint. Lets a run interrupted by a crash resume where its last committed segment ended.
 */
@Repository
class BillRunStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    BillRunStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    enum Status { SELECTING, RUNNING, COMPLETED }

    record Run(String runId, LocalDate billingDate, BillingFrequency billingFrequency, String subscriptionTypeCode,
               List<String> accountIds, Status status, MetaData metaData) {
    }

    /** A partition's checkpoint and counts; {@code owner}: the node holding (or that last held) its lease. */
    record Partition(int partitionNo, String lastAccountId, String lastSubscriptionId, long billed, long skipped,
                     long failed, long technicalFailed, boolean done, String owner) {
    }

    /** The node lost its lease on a partition (it ran out and another node took it): its segment is rolled back. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(String runId, int partitionNo) {
            super("lease on partition " + partitionNo + " of bill run " + runId + " lost");
        }
    }

    void register(BillRunStarted started, MetaData metaData) {
        jdbc.update("""
                insert into bill_run_execution (run_id, billing_date, billing_frequency, subscription_type_code,
                                                account_ids, status, meta_data, created_at)
                values (?, ?, ?, ?, ?, 'SELECTING', ?, ?) on conflict (run_id) do nothing""", ps -> {
            ps.setString(1, started.runId());
            ps.setDate(2, Date.valueOf(started.billingDate()));
            ps.setString(3, started.billingFrequency() == null ? null : started.billingFrequency().name());
            ps.setString(4, started.subscriptionTypeCode());
            ps.setArray(5, started.accountIds() == null ? null
                    : ps.getConnection().createArrayOf("text", started.accountIds().toArray()));
            ps.setString(6, write(metaData));
            ps.setTimestamp(7, Timestamp.from(clock.instant()));
        });
    }

    Optional<Run> find(String runId) {
        return jdbc.query("""
                select run_id, billing_date, billing_frequency, subscription_type_code, account_ids, status, meta_data
                from bill_run_execution where run_id = ?""", (row, n) -> new Run(row.getString(1),
                row.getDate(2).toLocalDate(), row.getString(3) == null ? null : BillingFrequency.valueOf(row.getString(3)),
                row.getString(4), row.getArray(5) == null ? null : List.of((String[]) row.getArray(5).getArray()),
                Status.valueOf(row.getString(6)), read(row.getString(7))), runId).stream().findFirst();
    }

    List<String> unfinished() {
        return jdbc.queryForList("select run_id from bill_run_execution where status <> 'COMPLETED' order by created_at",
                String.class);
    }

    /**
     * Freezes the run's candidates into {@code partitions} partitions by account, if {@code node} holds the run's lease
     * and the run is still selecting (the run's row stays locked until the transaction ends); returns how many, or -1
     * if it did nothing. Must run in a transaction.
     */
    long select(Run run, int partitions, String node) {
        boolean mine = !jdbc.queryForList("""
                select run_id from bill_run_execution where run_id = ? and owner = ? and status = 'SELECTING'
                for update""", String.class, run.runId(), node).isEmpty();
        if (!mine) {
            return -1;
        }
        jdbc.update("delete from bill_run_candidate where run_id = ?", run.runId());
        jdbc.update("delete from bill_run_partition where run_id = ?", run.runId());
        int selected = jdbc.update("""
                insert into bill_run_candidate (run_id, partition_no, account_id, subscription_id)
                select ?, mod(hashtext(account_id)::bigint + 2147483648, ?), account_id, subscription_id
                from billing_index
                where next_billing_date <= ? and (?::varchar is null or billing_frequency = ?)
                  and (?::varchar is null or subscription_type_code = ?)
                  and (?::text[] is null or account_id = any(?::text[]))""", ps -> {
            var accounts = run.accountIds() == null ? null
                    : ps.getConnection().createArrayOf("text", run.accountIds().toArray());
            ps.setString(1, run.runId());
            ps.setInt(2, partitions);
            ps.setDate(3, Date.valueOf(run.billingDate()));
            ps.setString(4, frequency(run));
            ps.setString(5, frequency(run));
            ps.setString(6, run.subscriptionTypeCode());
            ps.setString(7, run.subscriptionTypeCode());
            ps.setArray(8, accounts);
            ps.setArray(9, accounts);
        });
        for (int partition = 0; partition < partitions; partition++) {
            jdbc.update("insert into bill_run_partition (run_id, partition_no) values (?, ?)", run.runId(), partition);
        }
        jdbc.update("update bill_run_execution set status = 'RUNNING' where run_id = ?", run.runId());
        return selected;
    }

    long candidates(String runId) {
        Long count = jdbc.queryForObject("select count(*) from bill_run_candidate where run_id = ?", Long.class, runId);
        return count == null ? 0 : count;
    }

    List<Partition> partitions(String runId) {
        return jdbc.query(PARTITION + " where run_id = ? order by partition_no", BillRunStore::partition, runId);
    }

    Optional<Partition> partition(String runId, int partitionNo) {
        return jdbc.query(PARTITION + " where run_id = ? and partition_no = ?", BillRunStore::partition, runId,
                partitionNo).stream().findFirst();
    }

    private static final String PARTITION = """
            select partition_no, last_account_id, last_subscription_id, billed, skipped, failed, technical_failed, done,
                   owner
            from bill_run_partition""";

    private static Partition partition(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Partition(row.getInt(1), row.getString(2), row.getString(3), row.getLong(4), row.getLong(5),
                row.getLong(6), row.getLong(7), row.getBoolean(8), row.getString(9));
    }

    /**
     * The next segment of a partition after its checkpoint, in (account, subscription) order: {@code size}
     * subscriptions, and then the rest of the last account's, so that an account's subscriptions are billed in one
     * segment (one transaction) and can share one bill. An account's subscriptions are a handful, so a segment grows
     * by a few at most.
     */
    List<BillWriter.Candidate> segment(String runId, Partition partition, int size) {
        String lastAccount = partition.lastAccountId() == null ? "" : partition.lastAccountId();
        String lastSubscription = partition.lastSubscriptionId() == null ? "" : partition.lastSubscriptionId();
        List<BillWriter.Candidate> segment = new ArrayList<>(jdbc.query("""
                select account_id, subscription_id from bill_run_candidate
                where run_id = ? and partition_no = ? and (account_id, subscription_id) > (?, ?)
                order by account_id, subscription_id limit ?""",
                (row, n) -> new BillWriter.Candidate(row.getString(1), row.getString(2)),
                runId, partition.partitionNo(), lastAccount, lastSubscription, size));
        if (segment.size() == size) {
            BillWriter.Candidate last = segment.get(segment.size() - 1);
            segment.addAll(jdbc.query("""
                    select account_id, subscription_id from bill_run_candidate
                    where run_id = ? and partition_no = ? and account_id = ? and subscription_id > ?
                    order by subscription_id""",
                    (row, n) -> new BillWriter.Candidate(row.getString(1), row.getString(2)),
                    runId, partition.partitionNo(), last.accountId(), last.subscriptionId()));
        }
        return segment;
    }

    /**
     * Moves a partition's checkpoint from {@code from} past {@code last} and renews {@code node}'s lease; runs in the
     * transaction that billed the segment. Throws {@link LeaseLost} unless {@code node} still holds the partition and
     * its checkpoint is still {@code from}: then another node billed (or is billing) the segment, and this
     * transaction must roll back. The row stays locked until the commit, so nobody takes the lease meanwhile.
     */
    void checkpoint(String runId, Partition from, String node, java.time.Duration lease, BillWriter.Candidate last,
                    BillWriter.Outcome outcome) {
        int moved = jdbc.update("""
                update bill_run_partition set last_account_id = ?, last_subscription_id = ?, billed = billed + ?,
                    skipped = skipped + ?, failed = failed + ?, technical_failed = technical_failed + ?,
                    lease_until = clock_timestamp() + ? * interval '1 millisecond'
                where run_id = ? and partition_no = ? and owner = ? and not done
                  and last_account_id is not distinct from ?::varchar
                  and last_subscription_id is not distinct from ?::varchar""",
                last.accountId(), last.subscriptionId(), outcome.billed(), outcome.skipped(), outcome.failed(),
                outcome.technicalFailures().size(), lease.toMillis(), runId, from.partitionNo(), node,
                from.lastAccountId(), from.lastSubscriptionId());
        if (moved != 1) {
            throw new LeaseLost(runId, from.partitionNo());
        }
        for (BillWriter.TechnicalFailure failure : outcome.technicalFailures()) {
            jdbc.update("""
                    insert into bill_run_technical_failure (run_id, subscription_id, account_id, error, message,
                                                            occurred_at)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (run_id, subscription_id) do update set error = excluded.error,
                        message = excluded.message, occurred_at = excluded.occurred_at""",
                    runId, failure.candidate().subscriptionId(), failure.candidate().accountId(), failure.error(),
                    failure.message(), Timestamp.from(clock.instant()));
        }
    }

    /** Marks a partition billed to its end, if {@code node} still holds it. */
    boolean partitionDone(String runId, int partitionNo, String node) {
        return jdbc.update("update bill_run_partition set done = true where run_id = ? and partition_no = ? and owner = ?",
                runId, partitionNo, node) == 1;
    }

    /** Marks the run completed, if {@code node} holds its lease. */
    boolean completed(String runId, String node) {
        int completed = jdbc.update("""
                update bill_run_execution set status = 'COMPLETED', completed_at = ? where run_id = ? and owner = ?
                  and status <> 'COMPLETED'""", Timestamp.from(clock.instant()), runId, node);
        if (completed == 1) {
            jdbc.update("delete from bill_run_candidate where run_id = ?", runId);
        }
        return completed == 1;
    }

    record TechnicalFailureRow(String subscriptionId, String accountId, String error, String message,
                               java.time.Instant occurredAt) {
    }

    List<TechnicalFailureRow> technicalFailures(String runId) {
        return jdbc.query("""
                select subscription_id, account_id, error, message, occurred_at from bill_run_technical_failure
                where run_id = ? order by occurred_at, subscription_id""", (row, n) -> new TechnicalFailureRow(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getTimestamp(5).toInstant()), runId);
    }

    private static String frequency(Run run) {
        return run.billingFrequency() == null ? null : run.billingFrequency().name();
    }

    private String write(MetaData metaData) {
        try {
            return json.writeValueAsString(new java.util.HashMap<>(metaData));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata of a bill run cannot be written", e);
        }
    }

    private MetaData read(String text) {
        try {
            return text == null ? MetaData.emptyInstance() : MetaData.from(json.readValue(text, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata of a bill run cannot be read", e);
        }
    }
}
