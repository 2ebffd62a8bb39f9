package org.subledger.command.discount;

import org.subledger.kernel.catalog.BillingFrequency;

import java.util.Set;

/**
 * What a discount's criteria are checked against: the subscription's billing terms (scheme, frequency, binding period
 * in months), its type, its account's classification and credit rating, its price plan, the products on it, and the
 * months bought in advance that the period in question lies in ({@code null}: not bought in advance).
 */
public record SubscriptionFacts(String billingTermSchemeCode,
                                BillingFrequency billingFrequency,
                                Integer bindingPeriodMonths,
                                String subscriptionTypeCode,
                                String accountClassification,
                                String accountCreditRating,
                                String pricePlanCode,
                                Set<String> productCodes,
                                Integer buyInAdvanceMonths) {

    public SubscriptionFacts {
        productCodes = Set.copyOf(productCodes == null ? Set.of() : productCodes);
    }

    /** The same facts for a period bought in advance for {@code months} ({@code null}: not bought in advance). */
    public SubscriptionFacts boughtInAdvance(Integer months) {
        return new SubscriptionFacts(billingTermSchemeCode, billingFrequency, bindingPeriodMonths,
                subscriptionTypeCode, accountClassification, accountCreditRating, pricePlanCode, productCodes, months);
    }
}
