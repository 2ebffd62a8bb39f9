package org.subledger.command.job;

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
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.job.AddJobDiscount;
import org.subledger.kernel.job.ApproveJobDiscount;
import org.subledger.kernel.job.RejectJobDiscount;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import static org.subledger.command.discount.DiscountRequests.AddDiscountRequest;
import static org.subledger.command.discount.DiscountRequests.DiscountDecisionRequest;

/**
 * Command API of ad hoc job discounts, with the bodies of the subscription discounts' API: agents, supervisors,
 * billing and admins add them while the job is open; approving and rejecting is for whoever the discount's definition
 * authorises (the job decides, and answers 403 {@code DISCOUNT_APPROVAL_NOT_ALLOWED} to anybody else). Dates default
 * to today by the ledger's clock; {@code Idempotency-Key} makes a repeated add address the same discount id.
 */
@RestController
@RequestMapping("/api/jobs/{jobId}/discounts")
@Tag(name = "Jobs (commands)")
class JobDiscountController {

    private static final String STAFF = "hasAnyRole('AGENT', 'SUPERVISOR', 'BILLING', 'ADMIN')";

    private final CommandSender commands;
    private final Clock clock;

    JobDiscountController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize(STAFF)
    @Operation(summary = "Add an ad hoc job discount: PENDING_APPROVAL when its definition requires approval, else "
            + "APPROVED")
    ResponseEntity<Map<String, String>> add(@PathVariable String jobId, @Valid @RequestBody AddDiscountRequest body,
                                            Principal principal, HttpServletRequest request) {
        String discountId = IdempotentIds.newId(request, principal, "job-discount");
        DiscountStatus status = commands.send(new AddJobDiscount(jobId, discountId, body.definitionCode(),
                body.value(), date(body.actionDate()), body.note()), ErrorCode.JOB_NOT_FOUND, jobId);
        return ResponseEntity.created(URI.create("/api/jobs/" + jobId + "/discounts"))
                .body(Map.of("jobId", jobId, "discountId", discountId, "status", status.name()));
    }

    @PostMapping("/{discountId}/approve")
    @PreAuthorize(STAFF)
    @Operation(summary = "Approve a job discount pending approval (users and units its definition names)")
    ResponseEntity<Map<String, String>> approve(@PathVariable String jobId, @PathVariable String discountId,
                                                @Valid @RequestBody(required = false) DiscountDecisionRequest body) {
        var decision = body == null ? DiscountDecisionRequest.NONE : body;
        commands.send(new ApproveJobDiscount(jobId, discountId, date(decision.actionDate())), ErrorCode.JOB_NOT_FOUND,
                jobId);
        return answer(jobId, discountId, DiscountStatus.APPROVED);
    }

    @PostMapping("/{discountId}/reject")
    @PreAuthorize(STAFF)
    @Operation(summary = "Reject a job discount pending approval (users and units its definition names)")
    ResponseEntity<Map<String, String>> reject(@PathVariable String jobId, @PathVariable String discountId,
                                               @Valid @RequestBody(required = false) DiscountDecisionRequest body) {
        var decision = body == null ? DiscountDecisionRequest.NONE : body;
        commands.send(new RejectJobDiscount(jobId, discountId, date(decision.actionDate()), decision.reason()),
                ErrorCode.JOB_NOT_FOUND, jobId);
        return answer(jobId, discountId, DiscountStatus.REJECTED);
    }

    private LocalDate date(LocalDate given) {
        return given != null ? given : LocalDate.now(clock);
    }

    private static ResponseEntity<Map<String, String>> answer(String jobId, String discountId, DiscountStatus status) {
        return ResponseEntity.ok(Map.of("jobId", jobId, "discountId", discountId, "status", status.name()));
    }
}
