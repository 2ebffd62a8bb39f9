package org.subledger.command.discount;

import org.subledger.kernel.catalog.DiscountCriteria;
import org.subledger.kernel.catalog.MonthRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether a discount's criteria hold for a subscription, and which: every section given must hold, within a section
 * at least one entry; a section left empty does not restrict. Pure: billing checks auto-apply definitions with it
 * against the subscription at the period billed, and adding an ad hoc discount checks the same criteria with it.
 * Usage criteria (usage catalogs, time windows, totals) are not part of {@link DiscountCriteria} yet.
 */
public final class DiscountCriteriaCheck {

    private DiscountCriteriaCheck() {
    }

    /**
     * The criteria that held, each as {@code "<section> <value>"} (e.g. {@code "billing frequency ANNUAL"}), when
     * every section holds; empty when one does not. A definition without criteria holds with an empty list.
     */
    public static Optional<List<String>> check(DiscountCriteria criteria, SubscriptionFacts facts) {
        var held = new Held();
        var terms = criteria.billingTerm();
        boolean holds = held.anyOf("billing term scheme", terms.schemes(),
                scheme -> scheme.equals(facts.billingTermSchemeCode()))
                && held.anyOf("billing frequency", terms.frequencies(),
                        frequency -> frequency == facts.billingFrequency())
                && held.anyOf("binding period", terms.bindingPeriods(),
                        months -> Objects.equals(months, facts.bindingPeriodMonths()))
                && held.anyOf("subscription type", criteria.subscriptionTypes(),
                        type -> type.equals(facts.subscriptionTypeCode()))
                && held.anyOf("account classification", criteria.accountsReceivable().classifications(),
                        classification -> classification.equals(facts.accountClassification()))
                && held.anyOf("credit rating", criteria.accountsReceivable().creditRatings(),
                        rating -> rating.equals(facts.accountCreditRating()))
                && held.anyOf("price plan", criteria.pricePlans(), plan -> plan.equals(facts.pricePlanCode()))
                && held.allOf("product", criteria.products(), facts.productCodes()::contains)
                && held.anyOf("buy-in-advance duration", criteria.buyInAdvanceDurations(),
                        range -> within(range, facts.buyInAdvanceMonths()));
        return holds ? Optional.of(held.list()) : Optional.empty();
    }

    private static boolean within(MonthRange range, Integer months) {
        return months != null && months >= range.minMonths() && months <= range.maxMonths();
    }

    /** The entries that held so far, in the order of the sections. */
    private static final class Held {
        private final List<String> held = new ArrayList<>();

        /** The section holds when it is empty or one of its entries holds (the first that does is named). */
        <T> boolean anyOf(String section, List<T> entries, Predicate<T> holds) {
            if (entries.isEmpty()) {
                return true;
            }
            for (T entry : entries) {
                if (holds.test(entry)) {
                    held.add(section + " " + describe(entry));
                    return true;
                }
            }
            return false;
        }

        /** Every entry must hold (the products section: all listed must be on the subscription). */
        <T> boolean allOf(String section, List<T> entries, Predicate<T> holds) {
            for (T entry : entries) {
                if (!holds.test(entry)) {
                    return false;
                }
            }
            entries.forEach(entry -> held.add(section + " " + describe(entry)));
            return true;
        }

        private static String describe(Object entry) {
            return entry instanceof MonthRange range ? range.minMonths() + "-" + range.maxMonths() + " months"
                    : String.valueOf(entry);
        }

        List<String> list() {
            return List.copyOf(held);
        }
    }
}
