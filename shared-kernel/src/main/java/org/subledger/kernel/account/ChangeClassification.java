package org.subledger.kernel.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reclassify the account (an operator code such as VIP, RESIDENTIAL or CORPORATE). */
public record ChangeClassification(@TargetAggregateIdentifier String accountId, String classification) {
}
