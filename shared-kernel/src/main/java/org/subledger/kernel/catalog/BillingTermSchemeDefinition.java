package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * Billing terms a subscription or job may choose: the allowed billing frequencies, the binding period, the allowed
 * price plans and the default one, whether flexible pricing (discounts) is allowed, whether credit-limit rules are
 * overridden, when termed services are billed, and when unbilled usage must be billed early (an amount or a number
 * of usage records; null: only in the bill run). A {@code prepaid} scheme bills usage as soon as it is recorded, and
 * its {@code prepaidSettlement} says whether its bills are settled from the account's wallet (null: {@code ACCOUNT}).
 * {@code paymentDueDays}: the payment term, how many days after its billing date a bill of the scheme is due (null:
 * the ledger's default, {@code ledger.billing.payment-term-days}, 14). {@code billPer}: whether a bill run puts
 * the subscriptions of an account due on the same date on one bill ({@code ACCOUNT}, also when the field is left
 * out) or bills each on its own ({@code SUBSCRIPTION}).
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
                                          Integer paymentDueDays,
                                          PrepaidSettlement prepaidSettlement,
                                          BillPer billPer) {

    public BillingTermSchemeDefinition {
        billPer = billPer == null ? BillPer.ACCOUNT : billPer;
        billingFrequencies = List.copyOf(billingFrequencies == null ? List.of() : billingFrequencies);
        allowedPricePlans = List.copyOf(allowedPricePlans == null ? List.of() : allowedPricePlans);
        prepaidSettlement = prepaidSettlement == null ? PrepaidSettlement.ACCOUNT : prepaidSettlement;
    }

    /** A scheme billing per account (the default). */
    public BillingTermSchemeDefinition(String code, String name, List<BillingFrequency> billingFrequencies,
                                       int bindingPeriodMonths, List<String> allowedPricePlans,
                                       String defaultPricePlan, boolean flexiblePricing,
                                       boolean overrideCreditLimitRules, BillingTiming termedServiceTiming,
                                       Money maxUnbilledUsageAmount, Integer maxUnbilledUsageRecords,
                                       boolean prepaid, Integer paymentDueDays, PrepaidSettlement prepaidSettlement) {
        this(code, name, billingFrequencies, bindingPeriodMonths, allowedPricePlans, defaultPricePlan,
                flexiblePricing, overrideCreditLimitRules, termedServiceTiming, maxUnbilledUsageAmount,
                maxUnbilledUsageRecords, prepaid, paymentDueDays, prepaidSettlement, BillPer.ACCOUNT);
    }

    /** A scheme with the ledger's default payment term whose bills are posted to the account (no wallet). */
    public BillingTermSchemeDefinition(String code, String name, List<BillingFrequency> billingFrequencies,
                                       int bindingPeriodMonths, List<String> allowedPricePlans,
                                       String defaultPricePlan, boolean flexiblePricing,
                                       boolean overrideCreditLimitRules, BillingTiming termedServiceTiming,
                                       Money maxUnbilledUsageAmount, Integer maxUnbilledUsageRecords,
                                       boolean prepaid) {
        this(code, name, billingFrequencies, bindingPeriodMonths, allowedPricePlans, defaultPricePlan,
                flexiblePricing, overrideCreditLimitRules, termedServiceTiming, maxUnbilledUsageAmount,
                maxUnbilledUsageRecords, prepaid, (Integer) null, PrepaidSettlement.ACCOUNT, BillPer.ACCOUNT);
    }

    /** A scheme with its own payment term whose bills are posted to the account (no wallet). */
    public BillingTermSchemeDefinition(String code, String name, List<BillingFrequency> billingFrequencies,
                                       int bindingPeriodMonths, List<String> allowedPricePlans,
                                       String defaultPricePlan, boolean flexiblePricing,
                                       boolean overrideCreditLimitRules, BillingTiming termedServiceTiming,
                                       Money maxUnbilledUsageAmount, Integer maxUnbilledUsageRecords,
                                       boolean prepaid, Integer paymentDueDays) {
        this(code, name, billingFrequencies, bindingPeriodMonths, allowedPricePlans, defaultPricePlan,
                flexiblePricing, overrideCreditLimitRules, termedServiceTiming, maxUnbilledUsageAmount,
                maxUnbilledUsageRecords, prepaid, paymentDueDays, PrepaidSettlement.ACCOUNT, BillPer.ACCOUNT);
    }

    /** A scheme with the ledger's default payment term, settled as {@code prepaidSettlement} says. */
    public BillingTermSchemeDefinition(String code, String name, List<BillingFrequency> billingFrequencies,
                                       int bindingPeriodMonths, List<String> allowedPricePlans,
                                       String defaultPricePlan, boolean flexiblePricing,
                                       boolean overrideCreditLimitRules, BillingTiming termedServiceTiming,
                                       Money maxUnbilledUsageAmount, Integer maxUnbilledUsageRecords,
                                       boolean prepaid, PrepaidSettlement prepaidSettlement) {
        this(code, name, billingFrequencies, bindingPeriodMonths, allowedPricePlans, defaultPricePlan,
                flexiblePricing, overrideCreditLimitRules, termedServiceTiming, maxUnbilledUsageAmount,
                maxUnbilledUsageRecords, prepaid, null, prepaidSettlement, BillPer.ACCOUNT);
    }

    /** The same scheme billing as {@code per} says. */
    public BillingTermSchemeDefinition billingPer(BillPer per) {
        return new BillingTermSchemeDefinition(code, name, billingFrequencies, bindingPeriodMonths, allowedPricePlans,
                defaultPricePlan, flexiblePricing, overrideCreditLimitRules, termedServiceTiming,
                maxUnbilledUsageAmount, maxUnbilledUsageRecords, prepaid, paymentDueDays, prepaidSettlement, per);
    }

    /** A prepaid scheme whose bills are paid from the account's wallet. */
    public boolean settledFromWallet() {
        return prepaid && prepaidSettlement.fromWallet();
    }

    /** How many days after {@code billingDate} a bill is due: the scheme's payment term, else {@code defaultDays}. */
    public LocalDate dueDate(LocalDate billingDate, int defaultDays) {
        return billingDate.plusDays(paymentDueDays == null ? defaultDays : paymentDueDays);
    }
}
