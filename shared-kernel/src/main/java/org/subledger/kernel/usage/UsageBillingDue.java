package org.subledger.kernel.usage;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionEvent;

/**
 * The subscription's unbilled usage is to be billed now, not in the next bill run ({@code reason}); the billing
 * engine issues a usage bill in reaction. {@code unbilledAmount} and {@code unbilledRecords}: what was unbilled.
 */
@Revision("1")
public record UsageBillingDue(String subscriptionId,
                              String accountId,
                              UsageBillingReason reason,
                              Money unbilledAmount,
                              int unbilledRecords,
                              SubscriptionAction action) implements SubscriptionEvent {
}
