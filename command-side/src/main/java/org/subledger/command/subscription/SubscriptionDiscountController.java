package org.subledger.command.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.idempotency.IdempotentIds;
import org.subledger.command.web.CommandSender;
import org.subledger.kernel.discount.AddDiscount;
import org.subledger.kernel.discount.ApproveDiscount;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.discount.RejectDiscount;
import org.subledger.kernel.discount.RemoveDiscount;
import org.subledger.kernel.error.ErrorCode;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import static org.subledger.command.discount.DiscountRequests.AddDiscountRequest;
import static org.subledger.command.discount.DiscountRequests.DiscountDecisionRequest;

/**
 * Command API of ad hoc discounts on a subscription: agents, supervisors, billing and admins add and remove them;
 * approving and rejecting is for whoever the discount's definition authorises (the subscription decides, and answers
 * 403 {@code DISCOUNT_APPROVAL_NOT_ALLOWED} to anybody else). Dates default to today by the ledger's clock. Every
 * endpoint honours {@code Idempotency-Key}: a repeated add addresses the same discount id and adds nothing.
 */
@RestController
@RequestMapping("/api/subscriptions/{subscriptionId}/discounts")
@Tag(name = "Subscriptions (commands)")
class SubscriptionDiscountController {

    private static final String STAFF = "hasAnyRole('AGENT', 'SUPERVISOR', 'BILLING', 'ADMIN')";

    private final CommandSender commands;
    private final Clock clock;

    SubscriptionDiscountController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize(STAFF)
    @Operation(summary = "Add an ad hoc discount: PENDING_APPROVAL when its definition requires approval, else "
            + "APPROVED")
    ResponseEntity<Map<String, String>> add(@PathVariable String subscriptionId,
                                            @Valid @RequestBody AddDiscountRequest body, Principal principal,
                                            HttpServletRequest request) {
        String discountId = IdempotentIds.newId(request, principal, "discount");
        DiscountStatus status = commands.send(new AddDiscount(subscriptionId, discountId, body.definitionCode(),
                body.value(), date(body.actionDate()), body.note()), ErrorCode.SUBSCRIPTION_NOT_FOUND,
                subscriptionId);
        return ResponseEntity.created(URI.create("/api/subscriptions/" + subscriptionId + "/discounts"))
                .body(Map.of("subscriptionId", subscriptionId, "discountId", discountId, "status", status.name()));
    }

    @PostMapping("/{discountId}/approve")
    @PreAuthorize(STAFF)
    @Operation(summary = "Approve a discount pending approval (users and units its definition names)")
    ResponseEntity<Map<String, String>> approve(@PathVariable String subscriptionId, @PathVariable String discountId,
                                                @Valid @RequestBody(required = false) DiscountDecisionRequest body) {
        var decision = orNone(body);
        commands.send(new ApproveDiscount(subscriptionId, discountId, date(decision.actionDate())),
                ErrorCode.SUBSCRIPTION_NOT_FOUND, subscriptionId);
        return answer(subscriptionId, discountId, DiscountStatus.APPROVED);
    }

    @PostMapping("/{discountId}/reject")
    @PreAuthorize(STAFF)
    @Operation(summary = "Reject a discount pending approval (users and units its definition names)")
    ResponseEntity<Map<String, String>> reject(@PathVariable String subscriptionId, @PathVariable String discountId,
                                               @Valid @RequestBody(required = false) DiscountDecisionRequest body) {
        var decision = orNone(body);
        commands.send(new RejectDiscount(subscriptionId, discountId, date(decision.actionDate()), decision.reason()),
                ErrorCode.SUBSCRIPTION_NOT_FOUND, subscriptionId);
        return answer(subscriptionId, discountId, DiscountStatus.REJECTED);
    }

    @PostMapping("/{discountId}/remove")
    @PreAuthorize(STAFF)
    @Operation(summary = "Remove a discount: no billing period starting on or after the action date gets it")
    ResponseEntity<Map<String, String>> remove(@PathVariable String subscriptionId, @PathVariable String discountId,
                                               @Valid @RequestBody(required = false) DiscountDecisionRequest body) {
        var decision = orNone(body);
        commands.send(new RemoveDiscount(subscriptionId, discountId, date(decision.actionDate()), decision.reason()),
                ErrorCode.SUBSCRIPTION_NOT_FOUND, subscriptionId);
        return answer(subscriptionId, discountId, DiscountStatus.REMOVED);
    }

    private LocalDate date(LocalDate given) {
        return given != null ? given : LocalDate.now(clock);
    }

    private static ResponseEntity<Map<String, String>> answer(String subscriptionId, String discountId,
                                                              DiscountStatus status) {
        return ResponseEntity.ok(Map.of("subscriptionId", subscriptionId, "discountId", discountId, "status",
                status.name()));
    }

    private static DiscountDecisionRequest orNone(DiscountDecisionRequest body) {
        return body == null ? DiscountDecisionRequest.NONE : body;
    }
}
