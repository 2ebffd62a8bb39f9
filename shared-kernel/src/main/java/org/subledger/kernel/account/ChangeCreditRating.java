package org.subledger.kernel.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the customer's new credit rating (an operator code such as "AAA" or "CAA"). */
public record ChangeCreditRating(@TargetAggregateIdentifier String accountId, String creditRating) {
}
