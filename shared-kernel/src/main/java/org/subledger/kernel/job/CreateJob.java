package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Register a job for an account: its type, billing terms (a billing term scheme and a price plan it allows; the
 * scheme's default plan when left out), the expected completion date, the unit that owns it ({@code null}: the
 * user's acting unit) and, for an order, the subscription it is to create.
 */
public record CreateJob(@TargetAggregateIdentifier String jobId,
                        String accountId,
                        String jobTypeCode,
                        String billingTermSchemeCode,
                        String pricePlanCode,
                        LocalDate expectedCompletion,
                        String owningUnit,
                        SubscriptionRequest subscriptionRequest) {
}
