package org.subledger.kernel.subscription;

import org.subledger.kernel.money.Money;
import org.subledger.kernel.usage.UsageRecorded;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How much usage a subscription had billed: the number of usage records and their rated amount. What a discount's
 * usage totals per unit of time count ({@code DiscountCriteria.UsageTotal}).
 */
public record UsageTally(long records, Money amount) {

    public UsageTally plus(UsageTally other) {
        return other == null ? this : new UsageTally(records + other.records, amount.plus(other.amount));
    }

    /** The records counted and summed per day they were used on. */
    public static SortedMap<LocalDate, UsageTally> byDay(Iterable<UsageRecorded> records) {
        var days = new TreeMap<LocalDate, UsageTally>();
        for (UsageRecorded record : records) {
            days.merge(record.usedAt().toLocalDate(), new UsageTally(1, record.amount()), UsageTally::plus);
        }
        return days;
    }
}
