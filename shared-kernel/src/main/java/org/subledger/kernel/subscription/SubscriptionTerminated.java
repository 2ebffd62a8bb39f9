package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;

/**
 * The subscription was terminated for good. {@code earlyTerminationPenalty} is the penalty due for leaving before the
 * binding end date ({@code null}: none is due); the account is to be charged it.
 */
@Revision("1")
public record SubscriptionTerminated(String subscriptionId,
                                     String accountId,
                                     LocalDate terminatedOn,
                                     Money earlyTerminationPenalty,
                                     SubscriptionAction action) implements SubscriptionEvent {
}
