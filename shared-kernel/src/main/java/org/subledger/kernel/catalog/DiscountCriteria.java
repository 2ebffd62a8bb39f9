package org.subledger.kernel.catalog;

import java.util.List;

/**
 * When a discount may be given: every section given must hold; within a section at least one entry. A missing or
 * empty section does not restrict. Usage criteria (usage catalogs, time windows, totals) are not yet part of it.
 * {@code job} is for job discounts only (classification JOBS); {@code maturity} (null: none) belongs to the
 * subscription section, for subscription discounts.
 */
public record DiscountCriteria(BillingTermCriteria billingTerm,
                               List<String> subscriptionTypes,
                               AccountCriteria accountsReceivable,
                               List<String> pricePlans,
                               List<String> products,
                               List<MonthRange> buyInAdvanceDurations,
                               JobCriteria job,
                               Maturity maturity) {

    public static final DiscountCriteria NONE = new DiscountCriteria(null, null, null, null, null, null, null, null);

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
                null);
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
}
