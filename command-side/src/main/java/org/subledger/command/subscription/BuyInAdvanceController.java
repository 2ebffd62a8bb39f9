package org.subledger.command.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.idempotency.IdempotentIds;
import org.subledger.command.web.CommandSender;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.subscription.RequestBuyInAdvance;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Buying a subscription's termed services in advance: the request is decided on the subscription (an effective
 * buy-in-advance definition must allow its type the months asked), and the bought period is then billed at once, on
 * one bill of its own (kind BUY_IN_ADVANCE), by billing. {@code requestId} (default: from the
 * {@code Idempotency-Key}, else new) makes a repeat record nothing.
 */
@RestController
@RequestMapping("/api/subscriptions")
@Tag(name = "Subscriptions (commands)")
class BuyInAdvanceController {

    private final CommandSender commands;
    private final Clock clock;

    BuyInAdvanceController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record BuyInAdvanceRequest(@NotNull @Min(1) @Max(120) Integer months,
                               LocalDate actionDate,
                               @Size(max = 64) String requestId) {
    }

    @PostMapping("/{subscriptionId}/buy-in-advance")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Buy months of the termed services in advance: billed at once, with the discounts for it")
    ResponseEntity<Map<String, Object>> buyInAdvance(@PathVariable String subscriptionId,
                                                     @Valid @RequestBody BuyInAdvanceRequest body,
                                                     Principal principal, HttpServletRequest request) {
        String requestId = body.requestId() != null && !body.requestId().isBlank() ? body.requestId()
                : IdempotentIds.newId(request, principal, "buy-in-advance:" + subscriptionId);
        LocalDate on = body.actionDate() != null ? body.actionDate() : LocalDate.now(clock);
        commands.send(new RequestBuyInAdvance(subscriptionId, requestId, body.months(), on),
                ErrorCode.SUBSCRIPTION_NOT_FOUND, subscriptionId);
        return ResponseEntity.accepted().body(Map.of("subscriptionId", subscriptionId, "requestId", requestId,
                "months", body.months(), "requestedOn", on.toString()));
    }
}
