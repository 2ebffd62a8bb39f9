package org.subledger.query.job;

import org.subledger.kernel.money.Money;

import java.time.LocalDate;

/** A job as the lists show it (the {@code job_summary} read model): eventually consistent like it; no bill, no total. */
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
                             String billCurrency) {
}
