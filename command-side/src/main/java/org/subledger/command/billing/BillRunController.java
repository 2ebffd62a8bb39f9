package org.subledger.command.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.idempotency.IdempotentIds;
import org.subledger.command.web.CommandSender;
import org.subledger.kernel.billing.StartBillRun;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Starts bill runs (billing staff). The run executes in the background; {@code GET /api/bill-runs/{id}} shows its
 * progress. Honours {@code Idempotency-Key}: a repeated request answers with the same run.
 */
@RestController
@RequestMapping("/api/bill-runs")
@Tag(name = "Billing (commands)")
class BillRunController {

    private final CommandSender commands;
    private final BillRunStore store;

    BillRunController(CommandSender commands, BillRunStore store) {
        this.commands = commands;
        this.store = store;
    }

    record BillRunRequest(@NotNull LocalDate billingDate,
                          BillingFrequency billingFrequency,
                          @Size(max = 64) String subscriptionTypeCode,
                          @Size(min = 1, max = BillRun.MAX_ACCOUNTS) List<@NotBlank @Size(max = 64) String> accountIds) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('BILLING', 'ADMIN')")
    @Operation(summary = "Start a bill run: bill every effective subscription due on or before the billing date "
            + "(optionally one billing frequency, subscription type and/or some accounts)")
    ResponseEntity<Map<String, String>> start(@Valid @RequestBody BillRunRequest body, Principal principal,
                                              HttpServletRequest request) {
        String runId = IdempotentIds.newId(request, principal, "bill-run");
        commands.send(new StartBillRun(runId, body.billingDate(), body.billingFrequency(),
                body.subscriptionTypeCode(), body.accountIds()), ErrorCode.NOT_FOUND, runId);
        return ResponseEntity.accepted().location(URI.create("/api/bill-runs/" + runId))
                .body(Map.of("runId", runId));
    }

    /** A partition of a run as it is being executed: who bills it, until when, how far it got. */
    record PartitionView(int partition, String owner, long billed, long skipped, long failed, long technicalFailed,
                         boolean done) {
    }

    record ExecutionView(String runId, String status, List<PartitionView> partitions,
                         List<BillRunStore.TechnicalFailureRow> technicalFailures) {
    }

    /**
     * For operators: the run's execution as it goes (skipped counts included, which the bill-run read model only
     * knows once the run completed), and the subscriptions a defect of the ledger stopped, which are no business
     * event and so appear nowhere else.
     */
    @GetMapping("/{runId}/execution")
    @PreAuthorize("hasAnyRole('BILLING', 'SUPERVISOR', 'AUDITOR', 'ADMIN')")
    @Operation(summary = "A bill run's execution: partitions with their owner node and counts, technical failures")
    ResponseEntity<ExecutionView> execution(@PathVariable String runId) {
        return store.find(runId).map(run -> ResponseEntity.ok(new ExecutionView(runId, run.status().name(),
                        store.partitions(runId).stream().map(p -> new PartitionView(p.partitionNo(), p.owner(),
                                p.billed(), p.skipped(), p.failed(), p.technicalFailed(), p.done())).toList(),
                        store.technicalFailures(runId))))
                .orElseThrow(() -> new LedgerRefusal(ErrorCode.NOT_FOUND, "No bill run " + runId));
    }
}
