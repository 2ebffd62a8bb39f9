package org.subledger.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Replace a subscription's billing terms (scheme, price plan, frequency, binding, penalty, concurrent usage); they
 * are checked against the catalog and the account as on creation. Dates left out default from the action date, as
 * for a new agreement: the binding period starts again.
 */
public record AmendBillingTerms(@TargetAggregateIdentifier String subscriptionId,
                                BillingTerms billingTerms,
                                LocalDate actionDate,
                                ActionClassification classification) {
}
