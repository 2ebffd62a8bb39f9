package org.subledger.kernel.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Currency;

/** Correct the balance by {@code amount} in the given direction, stating why. */
public record PostAdjustment(@TargetAggregateIdentifier String accountId, String postingId, BigDecimal amount,
                             Currency currency, AdjustmentDirection direction, String reason)
        implements AccountPostingCommand {
}
