package org.subledger.kernel.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Charge the customer: the balance (what the customer owes) grows by {@code amount}. The {@code postingId} is the
 * caller's key for this posting: a second command with the same id records nothing.
 */
public record PostCharge(@TargetAggregateIdentifier String accountId, String postingId, BigDecimal amount,
                         Currency currency, String description, String reference) implements AccountPostingCommand {
}
