package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;
import org.subledger.kernel.money.Money;

import java.util.List;

/**
 * Billing terms a subscription or job may choose: the allowed billing frequencies, the binding period, the allowed
 * price plans and the default one, whether flexible pricing (discounts) is allowed, whether credit-limit rules are
 * overridden, when termed services are billed, and when unbilled usage must be billed early (an amount or a number
 * of usage records; null: only in the bill run). A {@code prepaid} scheme bills usage as soon as it is recorded, and
 * its {@code prepaidSettlement} says whether its bills are settled from the account's wallet (null: {@code ACCOUNT}).
 */
public record BillingTermSchemeDefinition(String code,
                                          @Name String name,
                                          List<BillingFrequency> billingFrequencies,
                                          int bindingPeriodMonths,
                                          List<String> allowedPricePlans,
                                          String defaultPricePlan,
                                          boolean flexiblePricing,
                                          boolean overrideCreditLimitRules,
                                          BillingTiming termedServiceTiming,
                                          Money maxUnbilledUsageAmount,
                                          Integer maxUnbilledUsageRecords,
                                          boolean prepaid,
                                          PrepaidSettlement prepaidSettlement) {

    public BillingTermSchemeDefinition {
        billingFrequencies = List.copyOf(billingFrequencies == null ? List.of() : billingFrequencies);
        allowedPricePlans = List.copyOf(allowedPricePlans == null ? List.of() : allowedPricePlans);
        prepaidSettlement = prepaidSettlement == null ? PrepaidSettlement.ACCOUNT : prepaidSettlement;
    }

    /** A scheme whose bills are posted to the account (no wallet). */
    public BillingTermSchemeDefinition(String code, String name, List<BillingFrequency> billingFrequencies,
                                       int bindingPeriodMonths, List<String> allowedPricePlans, String defaultPricePlan,
                                       boolean flexiblePricing, boolean overrideCreditLimitRules,
                                       BillingTiming termedServiceTiming, Money maxUnbilledUsageAmount,
                                       Integer maxUnbilledUsageRecords, boolean prepaid) {
        this(code, name, billingFrequencies, bindingPeriodMonths, allowedPricePlans, defaultPricePlan, flexiblePricing,
                overrideCreditLimitRules, termedServiceTiming, maxUnbilledUsageAmount, maxUnbilledUsageRecords, prepaid,
                PrepaidSettlement.ACCOUNT);
    }

    /** A prepaid scheme whose bills are paid from the account's wallet. */
    public boolean settledFromWallet() {
        return prepaid && prepaidSettlement.fromWallet();
    }
}
