package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A job was registered for an account (PENDING): its type, billing terms as settled (scheme and price plan), the
 * expected completion date, the unit that owns it and, for an order, the subscription it is to create.
 */
@Revision("1")
public record JobCreated(String jobId,
                         String accountId,
                         String jobTypeCode,
                         String billingTermSchemeCode,
                         String pricePlanCode,
                         LocalDate createdOn,
                         LocalDate expectedCompletion,
                         String owningUnit,
                         SubscriptionRequest subscriptionRequest) implements JobEvent {
}
