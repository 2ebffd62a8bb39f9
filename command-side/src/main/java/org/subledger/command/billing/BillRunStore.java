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
               Status status, MetaData metaData) {
    }

    record Partition(int partitionNo, String lastAccountId, String lastSubscriptionId, long billed, long skipped,
                     long failed, boolean done) {
    }

    void register(BillRunStarted started, MetaData metaData) {
        jdbc.update("""
                insert into bill_run_execution (run_id, billing_date, billing_frequency, subscription_type_code,
                                                status, meta_data, created_at)
                values (?, ?, ?, ?, 'SELECTING', ?, ?) on conflict (run_id) do nothing""",
                started.runId(), Date.valueOf(started.billingDate()),
                started.billingFrequency() == null ? null : started.billingFrequency().name(),
                started.subscriptionTypeCode(), write(metaData), Timestamp.from(clock.instant()));
    }

    Optional<Run> find(String runId) {
        return jdbc.query("""
                select run_id, billing_date, billing_frequency, subscription_type_code, status, meta_data
                from bill_run_execution where run_id = ?""", (row, n) -> new Run(row.getString(1),
                row.getDate(2).toLocalDate(), row.getString(3) == null ? null : BillingFrequency.valueOf(row.getString(3)),
                row.getString(4), Status.valueOf(row.getString(5)), read(row.getString(6))), runId).stream().findFirst();
    }

    List<String> unfinished() {
        return jdbc.queryForList("select run_id from bill_run_execution where status <> 'COMPLETED' order by created_at",
                String.class);
    }

    /** Freezes the run's candidates into {@code partitions} partitions by account; returns how many. */
    long select(Run run, int partitions) {
        jdbc.update("delete from bill_run_candidate where run_id = ?", run.runId());
        jdbc.update("delete from bill_run_partition where run_id = ?", run.runId());
        int selected = jdbc.update("""
                insert into bill_run_candidate (run_id, partition_no, account_id, subscription_id)
                select ?, mod(hashtext(account_id)::bigint + 2147483648, ?), account_id, subscription_id
                from billing_index
                where next_billing_date <= ? and (?::varchar is null or billing_frequency = ?)
                  and (?::varchar is null or subscription_type_code = ?)""",
                run.runId(), partitions, Date.valueOf(run.billingDate()),
                frequency(run), frequency(run), run.subscriptionTypeCode(), run.subscriptionTypeCode());
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
        return jdbc.query("""
                select partition_no, last_account_id, last_subscription_id, billed, skipped, failed, done
                from bill_run_partition where run_id = ? order by partition_no""", (row, n) -> new Partition(
                row.getInt(1), row.getString(2), row.getString(3), row.getLong(4), row.getLong(5), row.getLong(6),
                row.getBoolean(7)), runId);
    }

    /** The next segment of a partition after its checkpoint, in (account, subscription) order. */
    List<BillWriter.Candidate> segment(String runId, Partition partition, int size) {
        String lastAccount = partition.lastAccountId() == null ? "" : partition.lastAccountId();
        String lastSubscription = partition.lastSubscriptionId() == null ? "" : partition.lastSubscriptionId();
        return jdbc.query("""
                select account_id, subscription_id from bill_run_candidate
                where run_id = ? and partition_no = ? and (account_id, subscription_id) > (?, ?)
                order by account_id, subscription_id limit ?""",
                (row, n) -> new BillWriter.Candidate(row.getString(1), row.getString(2)),
                runId, partition.partitionNo(), lastAccount, lastSubscription, size);
    }

    /** Moves a partition's checkpoint past {@code last}; runs in the transaction that billed the segment. */
    void checkpoint(String runId, int partitionNo, BillWriter.Candidate last, BillWriter.Outcome outcome) {
        jdbc.update("""
                update bill_run_partition set last_account_id = ?, last_subscription_id = ?, billed = billed + ?,
                    skipped = skipped + ?, failed = failed + ? where run_id = ? and partition_no = ?""",
                last.accountId(), last.subscriptionId(), outcome.billed(), outcome.skipped(), outcome.failed(),
                runId, partitionNo);
    }

    void partitionDone(String runId, int partitionNo) {
        jdbc.update("update bill_run_partition set done = true where run_id = ? and partition_no = ?", runId,
                partitionNo);
    }

    void completed(String runId) {
        jdbc.update("update bill_run_execution set status = 'COMPLETED', completed_at = ? where run_id = ?",
                Timestamp.from(clock.instant()), runId);
        jdbc.update("delete from bill_run_candidate where run_id = ?", runId);
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
