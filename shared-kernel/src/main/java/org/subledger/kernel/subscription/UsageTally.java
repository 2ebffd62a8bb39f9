package org.subledger.kernel.subscription;

import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.usage.UsageBillingReason;
import org.subledger.kernel.usage.UsageRecorded;

import java.time.LocalDate;
import java.util.Optional;
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

    /**
     * Whether this unbilled usage is billed now rather than at the next bill run under the billing term scheme, and
     * why: any usage of a prepaid scheme, or the scheme's maximum unbilled amount or number of records reached. Empty:
     * it waits for the bill run. The one rule: the command side asks it when usage is recorded, billing again when it
     * issues the usage bill.
     */
    public Optional<UsageBillingReason> billingDue(BillingTermSchemeDefinition terms) {
        if (records <= 0) {
            return Optional.empty();
        }
        if (terms.prepaid()) {
            return Optional.of(UsageBillingReason.PREPAID);
        }
        if (terms.maxUnbilledUsageAmount() != null && amount.compareTo(terms.maxUnbilledUsageAmount()) >= 0) {
            return Optional.of(UsageBillingReason.AMOUNT_THRESHOLD);
        }
        if (terms.maxUnbilledUsageRecords() != null && records >= terms.maxUnbilledUsageRecords()) {
            return Optional.of(UsageBillingReason.RECORD_THRESHOLD);
        }
        return Optional.empty();
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
