package org.subledger.command.billing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.command.process.Refusals;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.job.JobBillingDeferred;
import org.subledger.kernel.process.RecordProcessStepRefusal;

import java.sql.Date;
import java.util.List;
import java.util.Optional;

/**
 * The bill run's job step: the jobs of a job type billed by the bill run. A job left to the run on completion
 * ({@code JobBillingDeferred}) is listed as due ({@code job_bill_run_due}) in the transaction of the completion (a
 * subscribing processor of the billing index's group, so a failure rolls the completion back). A run freezes the
 * jobs due on or before its billing date, of the accounts it is scoped to (a job has no billing frequency nor
 * subscription type, so those scopes do not leave it out), with its subscriptions; and before it completes, bills
 * each one not billed yet through the {@link JobBillAppender}, recording the job's outcome and taking it off the
 * due list in the transaction that appends its bill. So a run resumed after a crash bills only what is left, a job is
 * billed once, and a second run finds nothing. A refusal (a rate missing from the job's price plan) is listed as
 * needing attention, step {@code job-bill:<jobId>}, and the job stays due for the next run; a technical failure
 * stops the step, and the run is completed by a later look for work.
 */
@Component
@ProcessingGroup(BillingIndexUpdater.GROUP)
class JobBillRunStep {

    static final String PROCESS = "bill-runs";
    private static final Logger LOG = LoggerFactory.getLogger(JobBillRunStep.class);

    private final JdbcTemplate jdbc;
    private final JobBillAppender appender;
    private final CommandGateway commands;

    JobBillRunStep(JdbcTemplate jdbc, JobBillAppender appender, @Lazy CommandGateway commands) {
        this.jdbc = jdbc;
        this.appender = appender;
        this.commands = commands;
    }

    /** How the run's jobs went: candidates frozen, billed, skipped (nothing on them to bill), failed (refused). */
    record Counts(long candidates, long billed, long skipped, long failed) {
    }

    @EventHandler
    void on(JobBillingDeferred event) {
        jdbc.update("""
                insert into job_bill_run_due (job_id, account_id, due_on) values (?, ?, ?)
                on conflict (job_id) do nothing""", event.jobId(), event.accountId(), Date.valueOf(event.completedOn()));
    }

    /** Freezes the jobs due to the run; in the transaction that selects its subscriptions. Returns how many. */
    long select(BillRunStore.Run run) {
        jdbc.update("delete from bill_run_job_candidate where run_id = ?", run.runId());
        return jdbc.update("""
                insert into bill_run_job_candidate (run_id, job_id, account_id)
                select ?, job_id, account_id from job_bill_run_due
                where due_on <= ? and (?::text[] is null or account_id = any(?::text[]))""", ps -> {
            var accounts = run.accountIds() == null ? null
                    : ps.getConnection().createArrayOf("text", run.accountIds().toArray());
            ps.setString(1, run.runId());
            ps.setDate(2, Date.valueOf(run.billingDate()));
            ps.setArray(3, accounts);
            ps.setArray(4, accounts);
        });
    }

    /** Bills the run's jobs not billed yet (by this run before a crash, or at all), then counts them all. */
    Counts bill(BillRunStore.Run run) {
        List<String> left = jdbc.queryForList("""
                select job_id from bill_run_job_candidate where run_id = ? and outcome is null order by job_id""",
                String.class, run.runId());
        for (String jobId : left) {
            billOne(run, jobId);
        }
        return jdbc.queryForObject("""
                select count(*), count(*) filter (where outcome = 'BILLED'), count(*) filter (where outcome = 'SKIPPED'),
                       count(*) filter (where outcome = 'FAILED')
                from bill_run_job_candidate where run_id = ?""", (row, n) -> new Counts(row.getLong(1),
                row.getLong(2), row.getLong(3), row.getLong(4)), run.runId());
    }

    private void billOne(BillRunStore.Run run, String jobId) {
        try {
            appender.billForRun(jobId, run.runId(), run.billingDate(), run.metaData(), result -> {
                // a job with nothing on it is closed without a bill; one billed otherwise meanwhile is not this run's
                String outcome = result.issued() && result.bill() != null && result.bill().billId() != null
                        ? "BILLED" : "SKIPPED";
                outcome(run.runId(), jobId, outcome);
                jdbc.update("delete from job_bill_run_due where job_id = ?", jobId);
            });
        } catch (RuntimeException failure) {
            Optional<RefusalDetails> refusal = Refusals.of(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
            RefusalDetails details = refusal.get();
            LOG.warn("Bill run {}: billing job {} refused: {} {}", run.runId(), jobId, details.code(),
                    details.message());
            String stepId = "job-bill:" + jobId;
            commands.sendAndWait(new RecordProcessStepRefusal(RecordProcessStepRefusal.refusalId(stepId), PROCESS,
                    "bill-job", stepId, jobId, jobId, "BillJob", details.code(), details.message()));
            outcome(run.runId(), jobId, "FAILED");
        }
    }

    private void outcome(String runId, String jobId, String outcome) {
        jdbc.update("update bill_run_job_candidate set outcome = ? where run_id = ? and job_id = ?", outcome, runId,
                jobId);
    }
}
