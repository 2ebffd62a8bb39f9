package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;
import org.subledger.kernel.money.Money;

import java.util.List;

/**
 * Billing terms a subscription or job may choose: the allowed billing frequencies, the binding period, the allowed
 * price plans and the default one, whether flexible pricing (discounts) is allowed, whether credit-limit rules are
 * overridden, when termed services are billed, and when unbilled usage must be billed early (an amount or a number
 * of usage records; null: only in the bill run). A {@code prepaid} scheme bills usage as soon as it is recorded.
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
                                          boolean prepaid) {

    public BillingTermSchemeDefinition {
        billingFrequencies = List.copyOf(billingFrequencies == null ? List.of() : billingFrequencies);
        allowedPricePlans = List.copyOf(allowedPricePlans == null ? List.of() : allowedPricePlans);
    }
}
