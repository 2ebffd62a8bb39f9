package org.subledger.kernel.catalog;

/** The months a subscription of this type may buy in advance, both inclusive. */
public record AllowedDuration(String subscriptionTypeCode, int minMonths, int maxMonths) {
}
