package org.subledger.kernel.subscription;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The subscription's billing terms were replaced; the event holds the whole new terms. */
@Revision("1")
public record BillingTermsAmended(String subscriptionId,
                                  BillingTerms billingTerms,
                                  LocalDate amendedOn,
                                  SubscriptionAction action) implements SubscriptionEvent {
}
