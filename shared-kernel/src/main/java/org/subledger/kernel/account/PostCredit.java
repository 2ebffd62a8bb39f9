package org.subledger.kernel.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Credit the customer (a refund of a charge, a goodwill credit): the balance falls by {@code amount}.
 */
public record PostCredit(@TargetAggregateIdentifier String accountId, String postingId, BigDecimal amount,
                         Currency currency, String description, String reference) implements AccountPostingCommand {
}
