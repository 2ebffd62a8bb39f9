package org.subledger.kernel.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Currency;

/** Set a new credit limit, zero or more, in the account's currency ({@code currency} may be left out). */
public record AmendCreditLimit(@TargetAggregateIdentifier String accountId, BigDecimal creditLimit, Currency currency,
                               String reason) {
}
