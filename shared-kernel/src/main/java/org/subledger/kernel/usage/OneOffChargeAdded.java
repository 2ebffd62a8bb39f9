package org.subledger.kernel.usage;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionEvent;

import java.time.LocalDate;

/** A one-off charge was added to the subscription; the next bill rates it in the price plan in force on {@code chargedOn}. */
@Revision("1")
public record OneOffChargeAdded(String subscriptionId,
                                String chargeId,
                                String productCode,
                                long units,
                                LocalDate chargedOn,
                                String description,
                                SubscriptionAction action) implements SubscriptionEvent {
}
