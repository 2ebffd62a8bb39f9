package org.subledger.command.subscription;

import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.Condition;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.BillingTerms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Settles the billing terms a subscription asks for: the scheme must be allowed by the subscription type, the price
 * plan by the scheme (its default when none is named; a conditional plan only when its select conditions hold for
 * the account and the subscription), and the billing frequency by the scheme. The binding period is the scheme's
 * unless the dates are given. Prices, and the penalty, are in the account's currency.
 */
final class BillingTermsPolicy {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BillingTermsPolicy() {
    }

    static BillingTerms settle(BillingTerms requested, SubscriptionTypeDefinition type, AccountFacts account,
                               SubscriptionLookup lookup, LocalDate actionDate) {
        validate(requested);
        String schemeCode = requested.billingTermSchemeCode();
        var found = lookup.billingTermScheme(schemeCode);
        SubscriptionRules.check()
                .rule(type.allowedBillingTermSchemes().contains(schemeCode), "billingTermSchemeCode",
                        "is not allowed by subscription type " + type.code())
                .rule(found.isPresent(), "billingTermSchemeCode", "is not a billing term scheme")
                .orRefuseAsCatalogRule("The billing terms");
        BillingTermSchemeDefinition scheme = found.get();

        String planCode = requested.pricePlanCode() == null || requested.pricePlanCode().isBlank()
                ? scheme.defaultPricePlan() : requested.pricePlanCode();
        var plan = lookup.pricePlan(planCode);
        var facts = account.conditionFacts();
        facts.put(ConditionAttribute.SUBSCRIPTION_TYPE, type.code());
        facts.put(ConditionAttribute.BILLING_TERM_SCHEME, schemeCode);
        facts.put(ConditionAttribute.BILLING_FREQUENCY, requested.billingFrequency().name());
        SubscriptionRules.check()
                .rule(planCode != null, "pricePlanCode", "is required: scheme " + schemeCode + " has no default plan")
                .rule(planCode == null || scheme.allowedPricePlans().contains(planCode), "pricePlanCode",
                        "is not allowed by billing term scheme " + schemeCode)
                .rule(planCode == null || plan.isPresent(), "pricePlanCode", "is not a price plan")
                .rule(plan.isEmpty() || plan.get().kind() != PricePlanKind.CONDITIONAL
                                || Condition.allHold(plan.get().selectConditions(), facts), "pricePlanCode",
                        "its select conditions do not hold for account " + account.accountId())
                .rule(scheme.billingFrequencies().contains(requested.billingFrequency()), "billingFrequency",
                        "is not allowed by billing term scheme " + schemeCode)
                .orRefuseAsCatalogRule("The billing terms");

        String currency = account.currency().getCurrencyCode();
        var penalty = requested.earlyTerminationPenalty();
        if (!plan.get().currency().equals(currency)
                || penalty != null && !penalty.currency().getCurrencyCode().equals(currency)) {
            String field = plan.get().currency().equals(currency) ? "earlyTerminationPenalty" : "pricePlanCode";
            throw new LedgerRefusal(ErrorCode.CURRENCY_MISMATCH, "Account " + account.accountId() + " is kept in "
                    + currency + "; its subscriptions are priced in it", Map.of(field, "must be in " + currency));
        }

        LocalDate agreement = requested.agreementDate() != null ? requested.agreementDate() : actionDate;
        LocalDate bindingStart = requested.bindingStartDate() != null ? requested.bindingStartDate() : agreement;
        LocalDate bindingEnd = requested.bindingEndDate() != null ? requested.bindingEndDate()
                : bindingStart.plusMonths(scheme.bindingPeriodMonths());
        return new BillingTerms(schemeCode, planCode, requested.billingFrequency(), agreement, bindingStart,
                bindingEnd, penalty, requested.concurrentUsage());
    }

    private static void validate(BillingTerms terms) {
        SubscriptionRules.check().required(terms, "billingTerms").orRefuse("The billing terms");
        var penalty = terms.earlyTerminationPenalty();
        var usage = terms.concurrentUsage();
        SubscriptionRules.check()
                .required(terms.billingTermSchemeCode(), "billingTermSchemeCode")
                .required(terms.billingFrequency(), "billingFrequency")
                .rule(terms.bindingStartDate() == null || terms.bindingEndDate() == null
                                || !terms.bindingEndDate().isBefore(terms.bindingStartDate()), "bindingEndDate",
                        "must not be before the binding start date")
                .rule(penalty == null || !penalty.isNegative(), "earlyTerminationPenalty", "must be zero or more")
                .rule(usage == null || usage.concurrentUses() > 0, "concurrentUsage.concurrentUses",
                        "must be positive")
                .rule(usage == null || usage.ratePercent() != null && usage.ratePercent().signum() > 0
                                && usage.ratePercent().compareTo(HUNDRED) <= 0, "concurrentUsage.ratePercent",
                        "must be more than 0 and at most 100")
                .orRefuse("The billing terms");
    }
}
