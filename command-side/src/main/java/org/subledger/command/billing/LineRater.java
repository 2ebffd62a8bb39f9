package org.subledger.command.billing;

import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.billing.LineExplanation;
import org.subledger.kernel.catalog.Condition;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.rating.Rating;
import org.subledger.kernel.rating.RatingEngine;
import org.subledger.kernel.subscription.ConcurrentUsage;
import org.subledger.kernel.usage.OneOffChargeAdded;
import org.subledger.kernel.usage.UsageRecorded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices the lines of one subscription's bill: picks the price plan whose rates apply, rates a service's billing
 * period, a one-off charge or a usage record, and turns the result into a bill line with its tax part and
 * explanation. Every amount is checked to be in the account's currency.
 */
final class LineRater {

    private final BillingState state;
    private final BillingAccount account;
    private final BillingCatalog catalog;
    private PricePlanDefinition plan;

    LineRater(BillingState state, BillingAccount account, BillingCatalog catalog) {
        this.state = state;
        this.account = account;
        this.catalog = catalog;
    }

    /** Resolved on first use, so a bill of usage alone does not need the price plan. */
    private PricePlanDefinition plan() {
        if (plan == null) {
            plan = planThatApplies();
        }
        return plan;
    }

    /**
     * The subscription's plan, or its base plan when it is conditional and its apply conditions fail for the
     * account's facts and the subscription's type, billing frequency and billing term scheme.
     */
    private PricePlanDefinition planThatApplies() {
        var terms = state.billingTerms();
        PricePlanDefinition chosen = pricePlan(terms.pricePlanCode());
        if (chosen.kind() != PricePlanKind.CONDITIONAL) {
            return chosen;
        }
        Map<ConditionAttribute, String> facts = new HashMap<>(account.conditionFacts());
        putIfKnown(facts, ConditionAttribute.SUBSCRIPTION_TYPE, state.subscriptionTypeCode());
        putIfKnown(facts, ConditionAttribute.BILLING_FREQUENCY,
                terms.billingFrequency() == null ? null : terms.billingFrequency().name());
        putIfKnown(facts, ConditionAttribute.BILLING_TERM_SCHEME, terms.billingTermSchemeCode());
        return Condition.allHold(chosen.applyConditions(), facts) ? chosen : pricePlan(chosen.basePlanCode());
    }

    private static void putIfKnown(Map<ConditionAttribute, String> facts, ConditionAttribute key, String value) {
        if (value != null) {
            facts.put(key, value);
        }
    }

    /** The full-period amount of a service for billing period {@code periodIndex}, and how it was reached. */
    PeriodRating ratePeriod(ServiceEntry entry, long periodIndex, LocalDate periodStart, int months) {
        Rate rate = rate(entry.productCode(), periodStart);
        Rating rating;
        long units;
        Integer maturity = null;
        switch (rate.basis()) {
            case MATURITY_PERIODS -> {
                long first = Proration.periodIndex(state.billingAnchor(), months, entry.effectiveDate());
                units = Math.max(1, 1 + periodIndex - first);
                maturity = (int) units;
                rating = RatingEngine.ratePeriod(rate, units);
            }
            case DURATION_HOURS -> {
                units = 1;
                rating = RatingEngine.rate(rate, 1);
            }
            default -> {
                units = entry.quantity();
                rating = RatingEngine.rate(rate, units);
            }
        }
        ConcurrentUsage concurrent = state.billingTerms().concurrentUsage();
        Money amount = inAccountCurrency(rating.amount());
        if (concurrent != null) {
            amount = amount.times(BigDecimal.valueOf(concurrent.concurrentUses())
                    .multiply(concurrent.ratePercent()).movePointLeft(2));
        }
        if (entry.directive() == BillingDirective.CREDIT) {
            amount = amount.negate();
        }
        return new PeriodRating(amount, rate, rating, units, maturity);
    }

    BillLine recurring(ServiceEntry entry, Proration.Piece piece, PeriodRating period) {
        Money amount = Proration.charge(period.amount(), piece);
        var explanation = new LineExplanation(plan().code(), period.rate().model().name(),
                period.rate().basis().name(), period.units(), period.rating().explanation(), period.amount(),
                piece.whole() ? null : piece.days(), piece.whole() ? null : piece.daysInPeriod(),
                period.maturity(), state.billingTerms().concurrentUsage(), entry.directive(), List.of());
        return line(BillLineKind.RECURRING, entry.productCode(), null, piece.from(), piece.to(), entry.quantity(),
                amount, null, explanation);
    }

    /** Gives back the unused part of what was charged in advance: minus the last full-period amount's share. */
    BillLine credit(ServiceEntry entry, Proration.Piece piece) {
        Money periodAmount = inAccountCurrency(entry.lastPeriodAmount());
        Money amount = Proration.charge(periodAmount, piece).negate();
        var explanation = new LineExplanation(plan().code(), null, null, entry.quantity(), List.of(), periodAmount,
                piece.whole() ? null : piece.days(), piece.whole() ? null : piece.daysInPeriod(), null,
                null, entry.directive(), List.of());
        return line(BillLineKind.CREDIT, entry.productCode(), null, piece.from(), piece.to(), entry.quantity(),
                amount, null, explanation);
    }

    BillLine usage(UsageRecorded usage) {
        Money amount = inAccountCurrency(usage.amount());
        LocalDate on = usage.usedAt().toLocalDate();
        var explanation = new LineExplanation(null, null, null, 1,
                usage.explanation() == null ? List.of() : List.of(usage.explanation()), amount, null, null, null,
                null, null, List.of());
        return line(BillLineKind.USAGE, usage.productCode(), null, on, on, 1, amount, usage.recordId(),
                explanation);
    }

    BillLine oneOff(OneOffChargeAdded charge) {
        Rate rate = rate(charge.productCode(), charge.chargedOn());
        Rating rating = RatingEngine.rate(rate, charge.units());
        Money amount = inAccountCurrency(rating.amount());
        var explanation = new LineExplanation(plan().code(), rate.model().name(), rate.basis().name(), charge.units(),
                rating.explanation(), amount, null, null, null, null, null, List.of());
        return line(BillLineKind.ONE_OFF, charge.productCode(), charge.description(), charge.chargedOn(),
                charge.chargedOn(), charge.units(), amount, charge.chargeId(), explanation);
    }

    private BillLine line(BillLineKind kind, String productCode, String description, LocalDate from, LocalDate to,
                          long quantity, Money amount, String reference, LineExplanation explanation) {
        ProductDefinition product = product(productCode);
        BigDecimal taxRate = product.taxRatePercent() == null ? BigDecimal.ZERO : product.taxRatePercent();
        return new BillLine(0, kind, productCode, description != null ? description : product.description(), from,
                to, quantity, amount, Proration.taxPart(amount, taxRate), taxRate, reference, explanation);
    }

    private Rate rate(String productCode, LocalDate on) {
        return catalog.rateInForce(plan().code(), productCode, on).orElseThrow(() -> notFound(
                "no rate of product " + productCode + " in price plan " + plan().code() + " in force on " + on));
    }

    private PricePlanDefinition pricePlan(String code) {
        return catalog.pricePlan(code).orElseThrow(() -> notFound("price plan " + code + " not found"));
    }

    private ProductDefinition product(String code) {
        return catalog.product(code).orElseThrow(() -> notFound("product " + code + " not found"));
    }

    private Money inAccountCurrency(Money amount) {
        if (!amount.currency().equals(account.currency())) {
            throw new LedgerRefusal(ErrorCode.CURRENCY_MISMATCH, "amount " + amount + " of subscription "
                    + state.subscriptionId() + " is not in the account's currency " + account.currency());
        }
        return amount;
    }

    static LedgerRefusal notFound(String message) {
        return new LedgerRefusal(ErrorCode.CATALOG_ENTRY_NOT_FOUND, message);
    }

    /**
     * A service's signed full-period amount (after concurrent usage and directive) and its rating. Discounts are not
     * in it: they are lines of their own, after rating ({@link DiscountStep}).
     */
    record PeriodRating(Money amount, Rate rate, Rating rating, long units, Integer maturity) {
    }
}
