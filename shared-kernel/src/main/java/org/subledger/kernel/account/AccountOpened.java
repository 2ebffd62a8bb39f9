package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.money.Money;

import java.util.Currency;

/** An accounts-receivable account was opened for a customer, with a zero balance. */
@Revision("1")
public record AccountOpened(String accountId,
                            CustomerType type,
                            PersonDetails person,
                            CompanyDetails company,
                            ContactDetails contact,
                            Currency currency,
                            Money creditLimit,
                            String creditRating,
                            String classification,
                            String openedBy) implements DomainEvent {

    /** The customer's name as shown on statements: the person's full name or the company's name. */
    public String customerName() {
        return type == CustomerType.PERSON ? person.displayName() : company.name();
    }
}
