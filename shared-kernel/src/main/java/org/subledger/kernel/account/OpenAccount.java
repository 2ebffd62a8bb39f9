package org.subledger.kernel.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Open an accounts-receivable account for a customer: a person (with {@code person}) or a company (with
 * {@code company}). The credit limit is in the account's currency; rating and classification are the operator's
 * codes (e.g. rating "AAA", classification VIP / RESIDENTIAL / CORPORATE). {@code openedBy} is the agent.
 * {@code owningUnit}, when given, is the unit that will own the account (only a unit the user may act for, e.g. a
 * super user opening on behalf of a department); left out, the unit the user acts for owns it.
 */
public record OpenAccount(@TargetAggregateIdentifier String accountId,
                          CustomerType type,
                          PersonDetails person,
                          CompanyDetails company,
                          ContactDetails contact,
                          Currency currency,
                          BigDecimal creditLimit,
                          String creditRating,
                          String classification,
                          String openedBy,
                          String owningUnit) {

    /** Owned by the unit the user acts for. */
    public OpenAccount(String accountId, CustomerType type, PersonDetails person, CompanyDetails company,
                       ContactDetails contact, Currency currency, BigDecimal creditLimit, String creditRating,
                       String classification, String openedBy) {
        this(accountId, type, person, company, contact, currency, creditLimit, creditRating, classification, openedBy,
                null);
    }
}
