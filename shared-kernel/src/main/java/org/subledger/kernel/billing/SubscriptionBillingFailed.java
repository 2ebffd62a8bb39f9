package org.subledger.kernel.billing;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionEvent;

import java.time.LocalDate;

/**
 * A bill run could not bill the subscription (e.g. no rate for a service in its price plan): nothing was billed or
 * posted; {@code errorCode} and {@code reason} say why. The next run tries again.
 */
@Revision("1")
public record SubscriptionBillingFailed(String subscriptionId,
                                        String accountId,
                                        String runId,
                                        LocalDate billingDate,
                                        String errorCode,
                                        String reason,
                                        SubscriptionAction action) implements SubscriptionEvent {
}
