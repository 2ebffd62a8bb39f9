package org.subledger.query.job;

import org.subledger.kernel.job.JobActivity;
import org.subledger.kernel.job.JobBilled;
import org.subledger.kernel.job.JobDiscount;
import org.subledger.kernel.job.JobExpense;
import org.subledger.kernel.job.JobGood;
import org.subledger.kernel.job.JobState;
import org.subledger.kernel.job.JobStatus;
import org.subledger.kernel.job.JobSubscriptionRefused;
import org.subledger.kernel.job.SubscriptionRequest;

import java.time.LocalDate;
import java.util.List;

/**
 * A job with its contents (and what its goods replaced on subscriptions, a repair's), state, discounts (ad hoc ones as added and decided on, and what billing took off with
 * each, auto-apply ones from their application) and bill, as its own event stream folds it ({@link JobState}): consistent with
 * every command the job accepted, and, with {@code asOf}, as it stood then. {@code awaitingBillRun}: completed, of
 * a job type billed by the bill run, and not billed yet.
 */
public record JobView(String jobId,
                      String accountId,
                      String jobTypeCode,
                      JobStatus state,
                      String billingTermSchemeCode,
                      String pricePlanCode,
                      String owningUnit,
                      String assignedUnit,
                      LocalDate createdOn,
                      LocalDate expectedCompletion,
                      LocalDate startedOn,
                      LocalDate actualCompletion,
                      LocalDate cancelledOn,
                      boolean late,
                      List<JobGood> goods,
                      List<JobExpense> expenses,
                      List<JobActivity> activities,
                      List<JobReplacementView> replacements,
                      SubscriptionRequest subscriptionRequest,
                      JobSubscriptionRefused subscriptionRefusal,
                      List<JobDiscount> discounts,
                      JobBilled bill,
                      boolean awaitingBillRun) {

    static JobView of(JobState job, LocalDate today) {
        return new JobView(job.jobId(), job.accountId(), job.jobTypeCode(), job.status(),
                job.billingTermSchemeCode(), job.pricePlanCode(), job.owningUnit(), job.assignedUnit(),
                job.createdOn(), job.expectedCompletion(), job.startedOn(), job.actualCompletion(),
                job.cancelledOn(), job.lateOn(today), List.copyOf(job.goods()), List.copyOf(job.expenses()),
                List.copyOf(job.activities()), JobReplacementView.of(job), job.subscriptionRequest(), job.subscriptionRefusal(),
                List.copyOf(job.discounts().values()), job.bill(), job.awaitingBillRun());
    }
}
