package org.subledger.command.billing;

import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.job.JobDiscountApplied;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A job's bill as worked out, before it is numbered and issued: one line per good, expense and activity service,
 * each with the job's line id as its {@code reference} and the rating behind its amount in its explanation (whose
 * {@code discounts} name the job discounts it got), one discount line per discount applied, the total and tax part,
 * and the due date. {@code late} says whether the job was completed after its expected date (what job discounts look
 * at); {@code discounts} are recorded as {@code JobDiscountApplied} with the bill (their bill id left to the writer).
 */
public record JobBillDraft(String jobId, String accountId, LocalDate billedOn, boolean late, List<BillLine> lines,
                           Money total, Money taxTotal, LocalDate dueDate, List<JobDiscountApplied> discounts) {

    public JobBillDraft {
        lines = List.copyOf(lines);
        discounts = List.copyOf(discounts == null ? List.of() : discounts);
    }
}
