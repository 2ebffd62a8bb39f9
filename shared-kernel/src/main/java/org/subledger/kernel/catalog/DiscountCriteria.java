package org.subledger.kernel.catalog;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * When a discount may be given: every section given must hold; within a section at least one entry. A missing or
 * empty section does not restrict. Totals of usage per unit of time are not yet part of it.
 * {@code job} is for job discounts only (classification JOBS); {@code maturity} (null: none) belongs to the
 * subscription section, for subscription discounts; {@code usage} (null: none) selects the usage a discount takes
 * from, billing's alone to apply.
 */
public record DiscountCriteria(BillingTermCriteria billingTerm,
                               List<String> subscriptionTypes,
                               AccountCriteria accountsReceivable,
                               List<String> pricePlans,
                               List<String> products,
                               List<MonthRange> buyInAdvanceDurations,
                               JobCriteria job,
                               Maturity maturity,
                               UsageCriteria usage) {

    public static final DiscountCriteria NONE = new DiscountCriteria(null, null, null, null, null, null, null, null,
            null);

    public DiscountCriteria {
        billingTerm = billingTerm == null ? BillingTermCriteria.ANY : billingTerm;
        subscriptionTypes = List.copyOf(subscriptionTypes == null ? List.of() : subscriptionTypes);
        accountsReceivable = accountsReceivable == null ? AccountCriteria.ANY : accountsReceivable;
        pricePlans = List.copyOf(pricePlans == null ? List.of() : pricePlans);
        products = List.copyOf(products == null ? List.of() : products);
        buyInAdvanceDurations = List.copyOf(buyInAdvanceDurations == null ? List.of() : buyInAdvanceDurations);
        job = job == null ? JobCriteria.ANY : job;
    }

    /** Criteria of a subscription discount, which has no job section. */
    public DiscountCriteria(BillingTermCriteria billingTerm, List<String> subscriptionTypes,
                            AccountCriteria accountsReceivable, List<String> pricePlans, List<String> products,
                            List<MonthRange> buyInAdvanceDurations) {
        this(billingTerm, subscriptionTypes, accountsReceivable, pricePlans, products, buyInAdvanceDurations, null,
                null, null);
    }

    /** The billing term section: its scheme, billing frequency or binding period (months) is one of these. */
    public record BillingTermCriteria(List<String> schemes, List<BillingFrequency> frequencies,
                                      List<Integer> bindingPeriods) {

        public static final BillingTermCriteria ANY = new BillingTermCriteria(null, null, null);

        public BillingTermCriteria {
            schemes = List.copyOf(schemes == null ? List.of() : schemes);
            frequencies = List.copyOf(frequencies == null ? List.of() : frequencies);
            bindingPeriods = List.copyOf(bindingPeriods == null ? List.of() : bindingPeriods);
        }
    }

    /** The accounts receivable section: the account's classification or credit rating is one of these. */
    public record AccountCriteria(List<String> classifications, List<String> creditRatings) {

        public static final AccountCriteria ANY = new AccountCriteria(null, null);

        public AccountCriteria {
            classifications = List.copyOf(classifications == null ? List.of() : classifications);
            creditRatings = List.copyOf(creditRatings == null ? List.of() : creditRatings);
        }
    }

    /**
     * The job section: {@code completedLaterThanExpected} holds for a job whose actual completion date is after its
     * expected completion date (the seeds' "only jobs completed later than expected"); false does not restrict.
     */
    public record JobCriteria(boolean completedLaterThanExpected) {

        public static final JobCriteria ANY = new JobCriteria(false);
    }

    /**
     * The subscription's maturity: effective for more than {@code aboveDays} days without an interruption (a
     * deactivation) longer than {@code maxInterruptionDays}; a shorter one does not break it (its days count), a
     * longer one starts the count again from the reactivation. A deactivated subscription is not mature.
     */
    public record Maturity(int aboveDays, int maxInterruptionDays) {
    }

    /**
     * The usage criteria: which usage records a discount reduces. Each list given must hold (within one, at least one
     * entry): the record's usage catalog, the termed service it is related to, the day of the week it was used on;
     * and, with {@code from} and {@code to}, the time of day it was used at ({@code from} inclusive, {@code to}
     * exclusive; a window past midnight when {@code to} is before {@code from}). Other lines are not restricted.
     */
    public record UsageCriteria(List<String> usageCatalogs, List<String> relatedServices,
                                List<DayOfWeek> daysOfWeek, LocalTime from, LocalTime to) {

        public UsageCriteria {
            usageCatalogs = List.copyOf(usageCatalogs == null ? List.of() : usageCatalogs);
            relatedServices = List.copyOf(relatedServices == null ? List.of() : relatedServices);
            daysOfWeek = List.copyOf(daysOfWeek == null ? List.of() : daysOfWeek);
        }

        /** Whether a usage record of this catalog and related service, used then, is one the discount reduces. */
        public boolean admits(String usageCatalog, String relatedService, LocalDateTime usedAt) {
            return (usageCatalogs.isEmpty() || usageCatalog != null && usageCatalogs.contains(usageCatalog))
                    && (relatedServices.isEmpty() || relatedService != null
                    && relatedServices.contains(relatedService))
                    && (daysOfWeek.isEmpty() || usedAt != null && daysOfWeek.contains(usedAt.getDayOfWeek()))
                    && (from == null || to == null || usedAt != null && within(usedAt.toLocalTime()));
        }

        private boolean within(LocalTime time) {
            return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
        }

        /** For a bill's explanation. */
        public String describe() {
            List<String> parts = new java.util.ArrayList<>();
            if (!usageCatalogs.isEmpty()) {
                parts.add("usage catalog one of " + usageCatalogs);
            }
            if (!relatedServices.isEmpty()) {
                parts.add("related service one of " + relatedServices);
            }
            if (!daysOfWeek.isEmpty()) {
                parts.add("used on " + daysOfWeek);
            }
            if (from != null && to != null) {
                parts.add("used from " + from + " to " + to);
            }
            return "usage " + (parts.isEmpty() ? "any" : String.join(", ", parts));
        }
    }
}
