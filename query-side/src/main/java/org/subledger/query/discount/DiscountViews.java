package org.subledger.query.discount;

import org.subledger.kernel.catalog.ApplicationLimit;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the discount endpoints answer. */
final class DiscountViews {

    private DiscountViews() {
    }

    /**
     * One discount of a subscription, the discount state: how it was added and decided on, and what billing gave.
     * {@code applicationsLeft}: of its limit in the {@code per} up to the next application (null: no limit);
     * {@code nextApplication}: the start of the next billing period it reaches, while it is approved and running;
     * {@code amountGiven}: the sum of its applications (null: none yet).
     */
    record DiscountStateView(String discountId,
                             String definitionCode,
                             DiscountType type,
                             DiscountStatus status,
                             DiscountValue value,
                             ApplicationLimit applicationLimit,
                             LocalDate addedOn,
                             LocalDate startsOn,
                             LocalDate endsOn,
                             LocalDate removedOn,
                             String note,
                             String addedBy,
                             String addedUnit,
                             Instant addedAt,
                             String decidedBy,
                             Instant decidedAt,
                             LocalDate decidedOn,
                             String decisionReason,
                             String removedBy,
                             int applicationsUsed,
                             Integer applicationsLeft,
                             LocalDate nextApplication,
                             Money amountGiven,
                             List<ApplicationView> applications) {
    }

    /** One billing period the discount was applied to, on a bill. */
    record ApplicationView(String billId, LocalDate periodStart, LocalDate periodEnd, Money amount,
                           int applicationNumber) {
    }

    /** A discount waiting for the caller's approval, on a subscription or on a job (the other id null). */
    record PendingDiscountView(String subscriptionId,
                               String jobId,
                               String accountId,
                               String discountId,
                               String definitionCode,
                               DiscountValue value,
                               LocalDate addedOn,
                               String addedBy,
                               String addedUnit,
                               Instant addedAt,
                               String note) {
    }

    /** The applied additive discounts report: per definition and month of the billing periods, in one currency. */
    record AppliedDiscountsReport(LocalDate from, LocalDate to, String definition, List<AppliedDiscountsLine> lines) {
    }

    /**
     * {@code period}: the month the billing periods started in (YYYY-MM), for a job the month it was billed in;
     * {@code subscriptions} and {@code jobs} discounted, and their {@code applications} together.
     */
    record AppliedDiscountsLine(String definitionCode, String period, long subscriptions, long jobs,
                                long applications, Money amount) {
    }
}
