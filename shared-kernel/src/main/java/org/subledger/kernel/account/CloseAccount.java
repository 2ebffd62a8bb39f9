package org.subledger.kernel.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the account for good; only possible while its balance is zero and none of its subscriptions is live. */
public record CloseAccount(@TargetAggregateIdentifier String accountId, String reason) {
}
