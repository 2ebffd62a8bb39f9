package org.subledger.kernel.catalog;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * When a discount may be given: every section given must hold; within a section at least one entry. A missing or
 * empty section does not restrict.
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
     * The usage criteria: which usage records a discount reduces, and when. Each list given must hold (within one, at
     * least one entry): the record's usage catalog, its usage service's product type ({@code usageServiceTypes}), the
     * termed service it is related to, the day of the week it was used on; with {@code from} and {@code to}, the time
     * of day it was used at ({@code from} inclusive, {@code to} exclusive; a window past midnight when {@code to} is
     * before {@code from}); with {@code usedFrom} and/or {@code usedUntil}, the date and time it was used at
     * ({@code usedFrom} inclusive, {@code usedUntil} exclusive, none: never expires). Other lines are not restricted.
     *
     * <p>{@code totalQuantity} and {@code totalUsage} are conditions on the subscription's whole usage, not
     * selections: the number of its usage records, and their rated amount (in the account's currency), used in the
     * unit of time counting back from the billing date, must fall in the range for the discount to apply at all
     * (the seed's "Total Quantity / Total Usage (range per UOT)"). A usage record counts once, however it was
     * billed (a prepaid subscription's usage bills count with the run's).
     */
    public record UsageCriteria(List<String> usageCatalogs, List<String> relatedServices,
                                List<DayOfWeek> daysOfWeek, LocalTime from, LocalTime to,
                                List<String> usageServiceTypes, LocalDateTime usedFrom, LocalDateTime usedUntil,
                                UsageTotal totalQuantity, UsageTotal totalUsage) {

        public UsageCriteria {
            usageCatalogs = List.copyOf(usageCatalogs == null ? List.of() : usageCatalogs);
            relatedServices = List.copyOf(relatedServices == null ? List.of() : relatedServices);
            daysOfWeek = List.copyOf(daysOfWeek == null ? List.of() : daysOfWeek);
            usageServiceTypes = List.copyOf(usageServiceTypes == null ? List.of() : usageServiceTypes);
        }

        /** Usage catalogs, related services and time windows only. */
        public UsageCriteria(List<String> usageCatalogs, List<String> relatedServices, List<DayOfWeek> daysOfWeek,
                             LocalTime from, LocalTime to) {
            this(usageCatalogs, relatedServices, daysOfWeek, from, to, null, null, null, null, null);
        }

        /** Whether a usage record of this catalog and related service, used then, is one the discount reduces. */
        public boolean admits(String usageCatalog, String relatedService, LocalDateTime usedAt) {
            return admits(usageCatalog, null, relatedService, usedAt);
        }

        /** The same, with the usage service's product type. */
        public boolean admits(String usageCatalog, String usageServiceType, String relatedService,
                              LocalDateTime usedAt) {
            return (usageCatalogs.isEmpty() || usageCatalog != null && usageCatalogs.contains(usageCatalog))
                    && (usageServiceTypes.isEmpty() || usageServiceType != null
                    && usageServiceTypes.contains(usageServiceType))
                    && (relatedServices.isEmpty() || relatedService != null
                    && relatedServices.contains(relatedService))
                    && (daysOfWeek.isEmpty() || usedAt != null && daysOfWeek.contains(usedAt.getDayOfWeek()))
                    && (from == null || to == null || usedAt != null && within(usedAt.toLocalTime()))
                    && (usedFrom == null || usedAt != null && !usedAt.isBefore(usedFrom))
                    && (usedUntil == null || usedAt != null && usedAt.isBefore(usedUntil));
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
            if (!usageServiceTypes.isEmpty()) {
                parts.add("usage service type one of " + usageServiceTypes);
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
            if (usedFrom != null || usedUntil != null) {
                parts.add("used between " + (usedFrom == null ? "any time" : usedFrom) + " and "
                        + (usedUntil == null ? "no end" : usedUntil));
            }
            return "usage " + (parts.isEmpty() ? "any" : String.join(", ", parts));
        }
    }

    /**
     * A range a total of the subscription's usage must fall in ({@code min} and {@code max} inclusive, either left
     * out: open), counted over one {@code per} unit of time back from the billing date (the day billed and the days
     * after the same day one unit earlier); {@code per} null: all its usage ever (the seed's "Unlimited").
     */
    public record UsageTotal(java.math.BigDecimal min, java.math.BigDecimal max, PeriodUnit per) {

        public boolean holds(java.math.BigDecimal total) {
            return (min == null || total.compareTo(min) >= 0) && (max == null || total.compareTo(max) <= 0);
        }

        /** The last day before the unit of time counted back from the billing date; null: no start. */
        public java.time.LocalDate before(java.time.LocalDate billingDate) {
            if (per == null) {
                return null;
            }
            return switch (per) {
                case DAYS -> billingDate.minusDays(1);
                case WEEKS -> billingDate.minusWeeks(1);
                case MONTHS -> billingDate.minusMonths(1);
                case YEARS -> billingDate.minusYears(1);
            };
        }

        /** "at least 3, at most 10, per month" and the like. */
        public String describe() {
            List<String> parts = new java.util.ArrayList<>();
            if (min != null) {
                parts.add("at least " + min.toPlainString());
            }
            if (max != null) {
                parts.add("at most " + max.toPlainString());
            }
            return String.join(", ", parts) + (per == null ? " in all"
                    : " per " + per.name().toLowerCase().replaceAll("s$", ""));
        }
    }
}
