package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.money.Money;

/**
 * {@code amount} of the account's money settled the open item {@code itemId} (a bill id, or the posting id of a
 * charge or debit adjustment without a bill), leaving {@code openAfter} of it owed. Recorded in the unit of work of
 * the posting {@code postingId} that caused it: a payment or credit (the oldest item first, or the bill the payment
 * named), a credit adjustment or a bill whose credits exceed its charges; or the bill itself (its {@code bill:} posting
 * id) when it was posted while the account had money not yet allocated (a prepayment). The balance does not move:
 * the posting moved it. The allocation rule is {@link Receivables}'s.
 */
@Revision("1")
public record ReceivableAllocated(String accountId, String postingId, String itemId, Money amount, Money openAfter)
        implements DomainEvent {
}
