package org.subledger.query.job;

import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.List;

/** A job as the lists show it (the {@code job_summary} read model): eventually consistent like it; its bill's total and what it replaced (a repair's replacements). */
public record JobSummaryView(String jobId,
                             String accountId,
                             String jobTypeCode,
                             String state,
                             String billingTermSchemeCode,
                             String pricePlanCode,
                             String owningUnit,
                             String assignedUnit,
                             LocalDate createdOn,
                             LocalDate expectedCompletion,
                             LocalDate actualCompletion,
                             boolean late,
                             String subscriptionId,
                             String billId,
                             String billNumber,
                             Money billTotal,
                             String billCurrency,
                             List<JobReplacementView> replacements) {

    JobSummaryView withReplacements(List<JobReplacementView> replacements) {
        return new JobSummaryView(jobId, accountId, jobTypeCode, state, billingTermSchemeCode, pricePlanCode,
                owningUnit, assignedUnit, createdOn, expectedCompletion, actualCompletion, late, subscriptionId,
                billId, billNumber, billTotal, billCurrency, List.copyOf(replacements));
    }
}
