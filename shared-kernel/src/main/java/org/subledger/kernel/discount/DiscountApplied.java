package org.subledger.kernel.discount;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * Billing applied a discount to one billing period of the subscription, on a bill: appended with the bill, in the same
 * transaction, so the discount state (applications used and left, amounts given) is replayable from the stream. An
 * auto-apply discount's first application is its first appearance on the stream ({@code discountId} is then
 * {@code auto:<definitionCode>}). Applications are counted per billing period, never per bill: a usage bill or a
 * buy-in-advance bill does not use up a monthly discount's periods.
 *
 * <p>{@code periodStart} to {@code periodEnd} (exclusive) is what it covered on this bill: a billing period (from its
 * first line on the bill) for an amount or a percentage, the part of the free period billed for a free period.
 * {@code applicationNumber} is the application counted (1 for the first): a free period billed over several bills, or
 * a billing period discounted again on a later bill (a usage bill after the run's: its {@code periodStart} is then the
 * first usage date, so (discount, periodStart) stays unique), repeats the number of the application it continues, so
 * the applications used are the distinct numbers. {@code amount} is what it took off (positive); {@code lines} names
 * the bill's lines it discounted ({@code "<line no> <product code>"}); {@code criteria} says which criteria held.
 */
@Revision("1")
public record DiscountApplied(String subscriptionId,
                              String discountId,
                              String definitionCode,
                              String billId,
                              LocalDate periodStart,
                              LocalDate periodEnd,
                              Money amount,
                              int applicationNumber,
                              List<String> lines,
                              List<String> criteria,
                              SubscriptionAction action) implements SubscriptionEvent {

    public DiscountApplied {
        lines = List.copyOf(lines == null ? List.of() : lines);
        criteria = List.copyOf(criteria == null ? List.of() : criteria);
    }
}
