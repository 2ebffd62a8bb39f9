package org.subledger.kernel.billing.query;

import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A usage record accepted and rated but not billed yet: the usage service used, when (the subscriber's local time),
 * its rated amount (VAT included) and the business date it was recorded on.
 */
public record UnbilledUsageRecord(String subscriptionId,
                                  String recordId,
                                  String accountId,
                                  String productCode,
                                  LocalDateTime usedAt,
                                  Money amount,
                                  LocalDate recordedOn) {
}
