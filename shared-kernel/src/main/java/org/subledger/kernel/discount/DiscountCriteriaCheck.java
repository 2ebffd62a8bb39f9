package org.subledger.kernel.discount;

import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.DiscountCriteria;
import org.subledger.kernel.subscription.Interruption;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether an additive discount's criteria hold for a subscription, as a pure function of the facts the criteria look
 * at: every section given must hold, and within a section at least one entry. Used by the subscription when an agent
 * adds an ad hoc discount; billing may use it for auto-apply discounts (the facts at the period billed) and name the
 * sections that held on the bill. Buy-in-advance durations and usage criteria are billing's alone and not checked
 * here.
 */
public final class DiscountCriteriaCheck {

    /**
     * The facts of a subscription the criteria look at. {@code flexiblePricing}: its billing term scheme allows
     * discounts (ad hoc discounts need it); {@code bindingPeriodMonths} null when not known; the account's
     * classification and credit rating null when not known; for its maturity, the day it was activated, its
     * interruptions and the day asked about ({@code on}: the day added, or the billing period's start).
     */
    public record Facts(String schemeCode,
                        boolean flexiblePricing,
                        BillingFrequency billingFrequency,
                        Integer bindingPeriodMonths,
                        String subscriptionTypeCode,
                        String pricePlanCode,
                        Set<String> productCodes,
                        String accountClassification,
                        String accountCreditRating,
                        LocalDate activatedOn,
                        List<Interruption> interruptions,
                        LocalDate on) {

        public Facts {
            productCodes = Set.copyOf(productCodes == null ? Set.of() : productCodes);
            interruptions = List.copyOf(interruptions == null ? List.of() : interruptions);
        }

        /** Facts without the subscription's history: a maturity criterion does not hold on them. */
        public Facts(String schemeCode, boolean flexiblePricing, BillingFrequency billingFrequency,
                     Integer bindingPeriodMonths, String subscriptionTypeCode, String pricePlanCode,
                     Set<String> productCodes, String accountClassification, String accountCreditRating) {
            this(schemeCode, flexiblePricing, billingFrequency, bindingPeriodMonths, subscriptionTypeCode,
                    pricePlanCode, productCodes, accountClassification, accountCreditRating, null, null, null);
        }

        /** The same facts on another day (billing asks for each period it bills). */
        public Facts on(LocalDate day) {
            return new Facts(schemeCode, flexiblePricing, billingFrequency, bindingPeriodMonths, subscriptionTypeCode,
                    pricePlanCode, productCodes, accountClassification, accountCreditRating, activatedOn,
                    interruptions, day);
        }
    }

    /**
     * The facts of a job the criteria look at. {@code productCodes} and {@code completedLate} are null while not
     * known yet (a job's contents change until it is billed, its completion comes last): their sections are then
     * left out, as sections that may still hold.
     */
    public record JobFacts(String schemeCode,
                           boolean flexiblePricing,
                           String pricePlanCode,
                           Set<String> productCodes,
                           String accountClassification,
                           String accountCreditRating,
                           Boolean completedLate) {

        public JobFacts {
            productCodes = productCodes == null ? null : Set.copyOf(productCodes);
        }
    }

    /** The outcome: the sections that held (for a bill's explanation) and those that did not, each with why. */
    public record Outcome(List<String> held, List<String> failed) {

        public boolean holds() {
            return failed.isEmpty();
        }
    }

    private DiscountCriteriaCheck() {
    }

    /** {@code adHoc}: an agent's discount, which only a scheme allowing flexible pricing takes. */
    public static Outcome check(DiscountCriteria criteria, Facts facts, boolean adHoc) {
        DiscountCriteria given = criteria == null ? DiscountCriteria.NONE : criteria;
        List<String> held = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        if (adHoc) {
            section(facts.flexiblePricing(), "billing term scheme " + facts.schemeCode()
                    + " allows flexible pricing", held, failed);
        }
        var term = given.billingTerm();
        if (!term.schemes().isEmpty()) {
            section(schemeHolds(term, facts), "billing term scheme is one of " + term.schemes(), held, failed);
        }
        if (!term.frequencies().isEmpty()) {
            section(frequencyHolds(term, facts), "billing frequency is one of " + term.frequencies(), held, failed);
        }
        if (!term.bindingPeriods().isEmpty()) {
            section(bindingPeriodHolds(term, facts), "binding period (months) is one of " + term.bindingPeriods(),
                    held, failed);
        }
        if (!given.subscriptionTypes().isEmpty()) {
            section(subscriptionTypeHolds(given, facts), "subscription type is one of " + given.subscriptionTypes(),
                    held, failed);
        }
        if (given.maturity() != null) {
            var maturity = given.maturity();
            Long days = maturityDays(facts, maturity.maxInterruptionDays());
            section(days != null && days > maturity.aboveDays(), "subscription matured above "
                    + maturity.aboveDays() + " days without an interruption over " + maturity.maxInterruptionDays()
                    + " days" + (days == null ? "" : " (" + days + ")"), held, failed);
        }
        var account = given.accountsReceivable();
        if (!account.classifications().isEmpty() || !account.creditRatings().isEmpty()) {
            section(accountHolds(account, facts), "account classification is one of " + account.classifications()
                    + " or credit rating one of " + account.creditRatings(), held, failed);
        }
        if (!given.pricePlans().isEmpty()) {
            section(pricePlanHolds(given, facts), "price plan is one of " + given.pricePlans(), held, failed);
        }
        if (!given.products().isEmpty()) {
            section(productsHold(given, facts), "products " + given.products() + " are all on the subscription",
                    held, failed);
        }
        return new Outcome(List.copyOf(held), List.copyOf(failed));
    }

    /**
     * Whether a job discount's criteria hold for a job: the billing term, account, price plan and product sections as
     * for a subscription, and the job section; the sections a job does not have (subscription types, billing
     * frequencies, binding periods, buy-in-advance durations) never hold for one.
     */
    public static Outcome checkJob(DiscountCriteria criteria, JobFacts facts, boolean adHoc) {
        DiscountCriteria given = criteria == null ? DiscountCriteria.NONE : criteria;
        var shared = new DiscountCriteria(given.billingTerm(), given.subscriptionTypes(), given.accountsReceivable(),
                given.pricePlans(), facts.productCodes() == null ? List.of() : given.products(), List.of(), null,
                given.maturity(), null);
        var outcome = check(shared, new Facts(facts.schemeCode(), facts.flexiblePricing(), null, null, null,
                facts.pricePlanCode(), facts.productCodes(), facts.accountClassification(),
                facts.accountCreditRating()), adHoc);
        List<String> held = new ArrayList<>(outcome.held());
        List<String> failed = new ArrayList<>(outcome.failed());
        if (!given.buyInAdvanceDurations().isEmpty()) {
            failed.add("a job is not bought in advance");
        }
        if (given.job().completedLaterThanExpected() && facts.completedLate() != null) {
            section(facts.completedLate(), "job completed later than expected", held, failed);
        }
        return new Outcome(List.copyOf(held), List.copyOf(failed));
    }

    /**
     * Whether an auto-apply discount's criteria may hold for the subscription on some day: every section that does not depend on the day
     * holds (all but the maturity, which {@link #check} asks about the day of each period). False means that
     * {@link #check} fails whatever day it is asked about; billing skips such an auto-apply discount before working
     * out its periods (issue 12: the sample catalog's auto-apply definitions were checked, their sections described,
     * for every subscription of a bill run). Builds no description, so it costs a few list lookups.
     */
    public static boolean mayHold(DiscountCriteria criteria, Facts facts) {
        DiscountCriteria given = criteria == null ? DiscountCriteria.NONE : criteria;
        var term = given.billingTerm();
        var account = given.accountsReceivable();
        return (term.schemes().isEmpty() || schemeHolds(term, facts))
                && (term.frequencies().isEmpty() || frequencyHolds(term, facts))
                && (term.bindingPeriods().isEmpty() || bindingPeriodHolds(term, facts))
                && (given.subscriptionTypes().isEmpty() || subscriptionTypeHolds(given, facts))
                && (account.classifications().isEmpty() && account.creditRatings().isEmpty()
                        || accountHolds(account, facts))
                && (given.pricePlans().isEmpty() || pricePlanHolds(given, facts))
                && (given.products().isEmpty() || productsHold(given, facts));
    }

    // one predicate per section, shared by check and mayHold so that the two cannot disagree

    private static boolean schemeHolds(DiscountCriteria.BillingTermCriteria term, Facts facts) {
        return has(term.schemes(), facts.schemeCode());
    }

    private static boolean frequencyHolds(DiscountCriteria.BillingTermCriteria term, Facts facts) {
        return has(term.frequencies(), facts.billingFrequency());
    }

    private static boolean bindingPeriodHolds(DiscountCriteria.BillingTermCriteria term, Facts facts) {
        return facts.bindingPeriodMonths() != null && has(term.bindingPeriods(), facts.bindingPeriodMonths());
    }

    private static boolean subscriptionTypeHolds(DiscountCriteria criteria, Facts facts) {
        return has(criteria.subscriptionTypes(), facts.subscriptionTypeCode());
    }

    private static boolean accountHolds(DiscountCriteria.AccountCriteria account, Facts facts) {
        return has(account.classifications(), facts.accountClassification())
                || has(account.creditRatings(), facts.accountCreditRating());
    }

    private static boolean pricePlanHolds(DiscountCriteria criteria, Facts facts) {
        return has(criteria.pricePlans(), facts.pricePlanCode());
    }

    private static boolean productsHold(DiscountCriteria criteria, Facts facts) {
        return facts.productCodes().containsAll(criteria.products());
    }

    /**
     * The days the subscription has been effective on {@code facts.on()} since its activation or the end of its last
     * interruption longer than {@code maxInterruptionDays}; null when not known, or while it is interrupted.
     */
    static Long maturityDays(Facts facts, int maxInterruptionDays) {
        if (facts.activatedOn() == null || facts.on() == null || facts.on().isBefore(facts.activatedOn())) {
            return null;
        }
        LocalDate from = facts.activatedOn();
        for (Interruption interruption : facts.interruptions()) {
            if (interruption.from().isAfter(facts.on())) {
                break;
            }
            if (interruption.to() == null || interruption.to().isAfter(facts.on())) {
                return null; // deactivated on the day asked about
            }
            if (interruption.days(facts.on()) > maxInterruptionDays) {
                from = interruption.to();
            }
        }
        return ChronoUnit.DAYS.between(from, facts.on());
    }

    /** Whether the criteria need the account's facts (reading them folds the account's stream). */
    public static boolean needsAccount(DiscountCriteria criteria) {
        return criteria != null && (!criteria.accountsReceivable().classifications().isEmpty()
                || !criteria.accountsReceivable().creditRatings().isEmpty());
    }

    private static void section(boolean holds, String what, List<String> held, List<String> failed) {
        (holds ? held : failed).add(what);
    }

    /** An unknown fact (an account without a classification, say) is in no list; List.copyOf lists refuse null. */
    private static <T> boolean has(List<T> listed, T fact) {
        return fact != null && listed.contains(fact);
    }
}
