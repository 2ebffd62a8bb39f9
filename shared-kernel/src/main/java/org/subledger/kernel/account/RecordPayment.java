package org.subledger.kernel.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Record money received from the customer: the balance falls by {@code amount}. {@code billId} (optional): the bill
 * it pays, settled first; it must be an open bill of the account.
 */
public record RecordPayment(@TargetAggregateIdentifier String accountId, String postingId, BigDecimal amount,
                            Currency currency, String description, String reference, String billId)
        implements AccountPostingCommand {

    public RecordPayment(String accountId, String postingId, BigDecimal amount, Currency currency, String description,
                         String reference) {
        this(accountId, postingId, amount, currency, description, reference, null);
    }
}
