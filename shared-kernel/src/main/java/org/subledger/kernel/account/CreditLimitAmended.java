package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.money.Money;

/** The account's credit limit changed from {@code previousCreditLimit} to {@code creditLimit}. */
@Revision("1")
public record CreditLimitAmended(String accountId, Money previousCreditLimit, Money creditLimit, String reason)
        implements DomainEvent {
}
