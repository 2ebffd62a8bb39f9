package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** The customer's credit rating changed. */
@Revision("1")
public record CreditRatingChanged(String accountId, String previousCreditRating, String creditRating)
        implements DomainEvent {
}
