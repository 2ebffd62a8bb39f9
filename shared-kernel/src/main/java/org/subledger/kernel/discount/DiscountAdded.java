package org.subledger.kernel.discount;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.catalog.ApplicationLimit;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionEvent;

import java.time.LocalDate;

/**
 * An additive discount was added to the subscription: its single {@code value} (an amount, a percentage with its
 * level, or a free period), the dates it runs ({@code endsOn} inclusive; null: indefinitely) and the application
 * limit copied from its definition as it was when added. {@code status} is PENDING_APPROVAL when the definition
 * requires approval, else APPROVED. Who added it is in the event's metadata.
 */
@Revision("1")
public record DiscountAdded(String subscriptionId,
                            String discountId,
                            String definitionCode,
                            DiscountType type,
                            DiscountValue value,
                            LocalDate addedOn,
                            LocalDate startsOn,
                            LocalDate endsOn,
                            ApplicationLimit applicationLimit,
                            DiscountStatus status,
                            String note,
                            SubscriptionAction action) implements SubscriptionEvent {
}
