package org.subledger.kernel.usage;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionEvent;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A usage detail record was accepted on the subscription and rated at the time-of-day rate of its usage service
 * ({@code explanation}: the rate that applied). It stays unbilled until a bill includes it.
 */
@Revision("1")
public record UsageRecorded(String subscriptionId,
                            String accountId,
                            String recordId,
                            String productCode,
                            String usageCatalogCode,
                            String relatedServiceCode,
                            LocalDateTime usedAt,
                            Money amount,
                            RatingLine explanation,
                            LocalDate recordedOn,
                            SubscriptionAction action) implements SubscriptionEvent {
}
