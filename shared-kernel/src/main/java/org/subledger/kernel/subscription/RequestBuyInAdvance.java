package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Buy {@code months} of the subscription's termed services in advance, from where it is billed: allowed only while a
 * buy-in-advance definition is effective and lists the subscription's type with a duration range holding
 * {@code months}. {@code requestId} is the client's (a repeat of the same request records nothing).
 */
public record RequestBuyInAdvance(@TargetAggregateIdentifier String subscriptionId,
                                  String requestId,
                                  int months,
                                  LocalDate requestedOn) {
}
