package org.subledger.kernel.subscription;

import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;

/**
 * The billing terms a subscription is billed by, chosen from its subscription type's billing term schemes: the
 * scheme, the price plan (a base plan, or a conditional plan whose select conditions hold for the account), the
 * billing frequency, the agreement date (when the contract was signed) and the binding dates; the penalty a
 * subscriber pays for terminating before the binding end date ({@code null}: none); and, for public use, the agreed
 * concurrent usage ({@code null}: home use).
 *
 * <p>In a command, {@code pricePlanCode} may be left out for the scheme's default plan, {@code agreementDate} for
 * the action date, {@code bindingStartDate} for the agreement date and {@code bindingEndDate} for the scheme's
 * binding period after the binding start; the recorded terms always hold the values settled on.
 */
public record BillingTerms(String billingTermSchemeCode,
                           String pricePlanCode,
                           BillingFrequency billingFrequency,
                           LocalDate agreementDate,
                           LocalDate bindingStartDate,
                           LocalDate bindingEndDate,
                           Money earlyTerminationPenalty,
                           ConcurrentUsage concurrentUsage) {
}
