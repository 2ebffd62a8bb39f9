package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * Billing applied a discount to the job's one bill: appended with {@code JobBilled}, in the same transaction, so the
 * job's discount state is replayable. An auto-apply discount appears on the job's stream only so
 * ({@code discountId} {@code auto:<definitionCode>}). {@code billedOn}: the bill's date (the job's completion date,
 * the day the applied discounts report counts it on). {@code amount} is what it took off (positive); {@code lines}
 * names the bill's lines it discounted ({@code "<line no> <product code>"}); {@code criteria} says which criteria
 * held.
 */
@Revision("1")
public record JobDiscountApplied(String jobId,
                                 String discountId,
                                 String definitionCode,
                                 String billId,
                                 LocalDate billedOn,
                                 Money amount,
                                 List<String> lines,
                                 List<String> criteria) implements JobEvent {

    public JobDiscountApplied {
        lines = List.copyOf(lines == null ? List.of() : lines);
        criteria = List.copyOf(criteria == null ? List.of() : criteria);
    }
}
