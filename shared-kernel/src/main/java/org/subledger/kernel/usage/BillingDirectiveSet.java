package org.subledger.kernel.usage;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionEvent;

import java.time.LocalDate;

/** A service's billing directive was set: the billing engine bills, credits or ignores it from the next bill on. */
@Revision("1")
public record BillingDirectiveSet(String subscriptionId,
                                  String productCode,
                                  BillingDirective directive,
                                  String reason,
                                  LocalDate setOn,
                                  SubscriptionAction action) implements SubscriptionEvent {
}
