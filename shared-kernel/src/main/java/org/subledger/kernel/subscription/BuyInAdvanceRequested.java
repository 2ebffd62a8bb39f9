package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The subscriber bought {@code months} of the termed services in advance under the buy-in-advance definition
 * {@code definitionCode}: the period {@code boughtFrom} (where billing stood) to {@code boughtThrough} (exclusive) is
 * billed at once, on one bill, with the auto-apply discounts whose buy-in-advance criterion holds for {@code months};
 * the next regular bill comes after {@code boughtThrough}.
 */
@Revision("1")
public record BuyInAdvanceRequested(String subscriptionId,
                                    String accountId,
                                    String requestId,
                                    String definitionCode,
                                    int months,
                                    LocalDate requestedOn,
                                    LocalDate boughtFrom,
                                    LocalDate boughtThrough,
                                    SubscriptionAction action) implements SubscriptionEvent {
}
