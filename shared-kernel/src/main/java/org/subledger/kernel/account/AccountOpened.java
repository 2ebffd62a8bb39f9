package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.money.Money;

import java.util.Currency;

/**
 * An accounts-receivable account was opened for a customer, with a zero balance. {@code owningUnit} is the
 * organisational unit that owns it (whose members may see and change it): the opening user's unit, {@code null} for
 * accounts opened before units existed (revision 1, upcast with no owner) and by users of no unit.
 */
@Revision("2")
public record AccountOpened(String accountId,
                            CustomerType type,
                            PersonDetails person,
                            CompanyDetails company,
                            ContactDetails contact,
                            Currency currency,
                            Money creditLimit,
                            String creditRating,
                            String classification,
                            String openedBy,
                            String owningUnit) implements DomainEvent {

    /** An account of no owning unit. */
    public AccountOpened(String accountId, CustomerType type, PersonDetails person, CompanyDetails company,
                         ContactDetails contact, Currency currency, Money creditLimit, String creditRating,
                         String classification, String openedBy) {
        this(accountId, type, person, company, contact, currency, creditLimit, creditRating, classification, openedBy,
                null);
    }

    /** The customer's name as shown on statements: the person's full name or the company's name. */
    public String customerName() {
        return type == CustomerType.PERSON ? person.displayName() : company.name();
    }
}
