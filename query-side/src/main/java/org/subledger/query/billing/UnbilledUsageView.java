package org.subledger.query.billing;

import org.subledger.kernel.billing.query.UnbilledUsageRecord;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The usage of a subscription that no bill has included yet, oldest use first, and what it adds up to. Amounts are
 * {@link Money} (VAT included); with no records, {@code total} and {@code currency} are null (no currency rated yet).
 */
public record UnbilledUsageView(String subscriptionId,
                                String currency,
                                Money total,
                                List<Usage> records) {

    /** One unbilled usage record; {@code usedAt} is the subscriber's local time. */
    public record Usage(String recordId,
                         String productCode,
                         LocalDateTime usedAt,
                         Money amount,
                         LocalDate recordedOn) {
    }

    static UnbilledUsageView of(String subscriptionId, List<UnbilledUsageRecord> records) {
        if (records.isEmpty()) {
            return new UnbilledUsageView(subscriptionId, null, null, List.of());
        }
        // Money's plus throws if records were rated in different currencies: that would be a broken read model
        Money total = records.stream().map(UnbilledUsageRecord::amount).reduce(Money::plus).orElseThrow();
        return new UnbilledUsageView(subscriptionId, total.currency().getCurrencyCode(), total,
                records.stream().map(record -> new Usage(record.recordId(), record.productCode(), record.usedAt(),
                        record.amount(), record.recordedOn())).toList());
    }
}
