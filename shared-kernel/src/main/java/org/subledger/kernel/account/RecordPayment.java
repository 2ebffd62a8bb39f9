package org.subledger.kernel.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Record money received from the customer: the balance falls by {@code amount}.
 */
public record RecordPayment(@TargetAggregateIdentifier String accountId, String postingId, BigDecimal amount,
                            Currency currency, String description, String reference) implements AccountPostingCommand {
}
