package org.subledger.kernel.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Open an accounts-receivable account for a customer: a person (with {@code person}) or a company (with
 * {@code company}). The credit limit is in the account's currency; rating and classification are the operator's
 * codes (e.g. rating "AAA", classification VIP / RESIDENTIAL / CORPORATE). {@code openedBy} is the agent.
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
                          String openedBy) {
}
