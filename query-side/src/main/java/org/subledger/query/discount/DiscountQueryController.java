package org.subledger.query.discount;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.query.subscription.SubscriptionReadModel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.subledger.query.discount.DiscountViews.AppliedDiscountsReport;
import static org.subledger.query.discount.DiscountViews.DiscountStateView;
import static org.subledger.query.discount.DiscountViews.PendingDiscountView;

/**
 * The discount state of a subscription, the discounts waiting for the caller's approval, and the applied additive
 * discounts report. Open to every authenticated user within its access scope, like the other subscription reads;
 * it changes nothing.
 */
@RestController
@RequestMapping("/api")
class DiscountQueryController {

    /** The longest report period asked at once: ten years of monthly lines per definition. */
    private static final int MAX_REPORT_YEARS = 10;

    private final DiscountReadModel discounts;
    private final SubscriptionReadModel subscriptions;
    private final Clock clock;

    DiscountQueryController(DiscountReadModel discounts, SubscriptionReadModel subscriptions, Clock clock) {
        this.discounts = discounts;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** Each discount of the subscription: status, value, applications used and left, next application, amounts. */
    @GetMapping("/subscriptions/{subscriptionId}/discounts")
    @Operation(summary = "A subscription's discounts with their state and applications")
    public List<DiscountStateView> discounts(@PathVariable String subscriptionId, AccessScope scope) {
        subscriptions.readable(subscriptionId, scope);
        return discounts.discounts(subscriptionId, LocalDate.now(clock));
    }

    /** The discounts pending approval the caller may approve, oldest first. */
    @GetMapping("/discounts/pending-approval")
    @Operation(summary = "Discounts waiting for the caller's approval")
    public List<PendingDiscountView> pendingApproval(AccessScope scope) {
        return discounts.pendingApproval(scope);
    }

    /** Per definition and month of the billing periods from {@code from} to {@code to}: subscriptions, applications, amount. */
    @GetMapping("/reports/applied-discounts")
    @Operation(summary = "Discounts applied on bills between two dates, by definition")
    public AppliedDiscountsReport applied(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                          @RequestParam(required = false) String definition, AccessScope scope) {
        if (to.isBefore(from) || to.isAfter(from.plusYears(MAX_REPORT_YEARS))) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "The report period is not valid",
                    Map.of("to", "must be on or after from, and at most " + MAX_REPORT_YEARS + " years after it"));
        }
        String code = definition == null || definition.isBlank() ? null : definition.strip();
        return new AppliedDiscountsReport(from, to, code, discounts.applied(from, to, code, scope));
    }
}
