package org.subledger.command.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.billing.JobBillAppender;
import org.subledger.command.billing.JobBillDraft;
import org.subledger.command.idempotency.IdempotentIds;
import org.subledger.command.web.CommandSender;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.job.AddJobActivity;
import org.subledger.kernel.job.AddJobExpense;
import org.subledger.kernel.job.AddJobGood;
import org.subledger.kernel.job.AssignJob;
import org.subledger.kernel.job.CancelJob;
import org.subledger.kernel.job.CompleteJob;
import org.subledger.kernel.job.CreateJob;
import org.subledger.kernel.job.JobActivity;
import org.subledger.kernel.job.JobExpense;
import org.subledger.kernel.job.JobGood;
import org.subledger.kernel.job.JobBilled;
import org.subledger.kernel.job.JobState;
import org.subledger.kernel.job.JobStatus;
import org.subledger.kernel.job.RemoveJobActivity;
import org.subledger.kernel.job.RemoveJobExpense;
import org.subledger.kernel.job.RemoveJobGood;
import org.subledger.kernel.job.StartJob;
import org.subledger.kernel.job.SubscriptionRequest;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;


import static org.subledger.command.job.JobRequests.ActivityRequest;
import static org.subledger.command.job.JobRequests.AssignRequest;
import static org.subledger.command.job.JobRequests.CompleteRequest;
import static org.subledger.command.job.JobRequests.CreateJobRequest;
import static org.subledger.command.job.JobRequests.ExpenseRequest;
import static org.subledger.command.job.JobRequests.GoodRequest;
import static org.subledger.command.job.JobRequests.PreviewRequest;
import static org.subledger.command.job.JobRequests.StepRequest;

/**
 * Command API of jobs: create one for an account, move it through its life cycle, assign it, and put goods,
 * expenses and activities on it until it is billed (billing follows its completion, {@link JobBilling}). For
 * agents, supervisors and admins (an installer company's users are agents of their company's unit). Every endpoint
 * honours {@code Idempotency-Key}; a line id left out is generated.
 */
@RestController
@RequestMapping("/api/jobs")
@Tag(name = "Jobs (commands)")
class JobCommandController {

    private static final String WORKERS = "hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')";

    private final CommandSender commands;
    private final JobBillAppender bills;
    private final EventStore eventStore;
    private final Clock clock;

    JobCommandController(CommandSender commands, JobBillAppender bills, @Lazy EventStore eventStore, Clock clock) {
        this.commands = commands;
        this.bills = bills;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize(WORKERS)
    @Operation(summary = "Create a job (PENDING) for an account; an order job names the subscription it creates")
    ResponseEntity<Map<String, String>> create(@Valid @RequestBody CreateJobRequest body, Principal principal,
                                               HttpServletRequest request) {
        String jobId = IdempotentIds.newId(request, principal, "job");
        var order = body.subscription();
        SubscriptionRequest subscription = order == null ? null : new SubscriptionRequest(
                IdempotentIds.newId(request, principal, "job-subscription"), order.subscriptionTypeCode(),
                order.terms(), order.distributors(), order.services());
        commands.send(new CreateJob(jobId, body.accountId(), body.jobTypeCode(), body.billingTermScheme(),
                body.pricePlan(), body.expectedCompletion(), body.owningUnit(), subscription),
                ErrorCode.JOB_NOT_FOUND, jobId);
        Map<String, String> created = subscription == null ? Map.of("jobId", jobId)
                : Map.of("jobId", jobId, "subscriptionId", subscription.subscriptionId());
        return ResponseEntity.created(URI.create("/api/jobs/" + jobId)).body(created);
    }

    @PostMapping("/{jobId}/start")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Start work on a pending job")
    Map<String, String> start(@PathVariable String jobId, @Valid @RequestBody(required = false) StepRequest body) {
        return send(new StartJob(jobId, reason(body)), jobId, "START");
    }

    @PostMapping("/{jobId}/complete")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Complete a job in progress (actual completion date, today when left out); it is billed next")
    Map<String, String> complete(@PathVariable String jobId,
                                 @Valid @RequestBody(required = false) CompleteRequest body) {
        var request = body == null ? new CompleteRequest(null, null) : body;
        return send(new CompleteJob(jobId, request.actualCompletion(), request.reason()), jobId, "COMPLETE");
    }

    @PostMapping("/{jobId}/cancel")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Cancel a job that is not completed")
    Map<String, String> cancel(@PathVariable String jobId, @Valid @RequestBody(required = false) StepRequest body) {
        return send(new CancelJob(jobId, reason(body)), jobId, "CANCEL");
    }

    @PostMapping("/{jobId}/assign")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Assign a job to a unit or an installer company")
    Map<String, String> assign(@PathVariable String jobId, @Valid @RequestBody AssignRequest body) {
        return send(new AssignJob(jobId, body.assignedUnit(), body.reason()), jobId, "ASSIGN");
    }

    @PostMapping("/{jobId}/goods")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Deliver a physical good (a traceable one by serial number) through the job; on a repair, "
            + "replacesSerialNumber names the installed item it replaces, swapped when the job completes")
    Map<String, String> addGood(@PathVariable String jobId, @Valid @RequestBody GoodRequest body,
                                Principal principal, HttpServletRequest request) {
        String lineId = lineId(body.lineId(), request, principal);
        long quantity = body.quantity() == null ? 1 : body.quantity();
        send(new AddJobGood(jobId, new JobGood(lineId, body.productCode(), body.serialNumber(), quantity),
                body.replacesSerialNumber()), jobId, "ADD_GOOD");
        return Map.of("jobId", jobId, "lineId", lineId);
    }

    @PostMapping("/{jobId}/expenses")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Add an expense (billed once at its price plan's fixed amount)")
    Map<String, String> addExpense(@PathVariable String jobId, @Valid @RequestBody ExpenseRequest body,
                                   Principal principal, HttpServletRequest request) {
        String lineId = lineId(body.lineId(), request, principal);
        send(new AddJobExpense(jobId, new JobExpense(lineId, body.productCode())), jobId, "ADD_EXPENSE");
        return Map.of("jobId", jobId, "lineId", lineId);
    }

    @PostMapping("/{jobId}/activities")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Record an activity with the one-time services it delivered and the minutes each took")
    Map<String, String> addActivity(@PathVariable String jobId, @Valid @RequestBody ActivityRequest body,
                                    Principal principal, HttpServletRequest request) {
        String activityId = lineId(body.activityId(), request, principal);
        send(new AddJobActivity(jobId, new JobActivity(activityId, body.activityTypeCode(), body.services())),
                jobId, "ADD_ACTIVITY");
        return Map.of("jobId", jobId, "activityId", activityId);
    }

    @PostMapping("/{jobId}/goods/{lineIdOrSerial}/remove")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Take a good off the job before it is billed, by line id or serial number (released)")
    Map<String, String> removeGood(@PathVariable String jobId, @PathVariable String lineIdOrSerial,
                                   @Valid @RequestBody(required = false) StepRequest body) {
        return send(new RemoveJobGood(jobId, lineIdOrSerial, reason(body)), jobId, "REMOVE_GOOD");
    }

    @PostMapping("/{jobId}/expenses/{lineId}/remove")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Take an expense off the job before it is billed")
    Map<String, String> removeExpense(@PathVariable String jobId, @PathVariable String lineId,
                                      @Valid @RequestBody(required = false) StepRequest body) {
        return send(new RemoveJobExpense(jobId, lineId, reason(body)), jobId, "REMOVE_EXPENSE");
    }

    @PostMapping("/{jobId}/activities/{activityId}/remove")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Take an activity off the job before it is billed")
    Map<String, String> removeActivity(@PathVariable String jobId, @PathVariable String activityId,
                                       @Valid @RequestBody(required = false) StepRequest body) {
        return send(new RemoveJobActivity(jobId, activityId, reason(body)), jobId, "REMOVE_ACTIVITY");
    }

    /** The job's bill: as issued once billed, else as it would be on completion (or the date asked). Records nothing. */
    @PostMapping("/{jobId}/bill-preview")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'BILLING', 'ADMIN')")
    @Operation(summary = "Preview the job's bill without recording anything")
    JobBillDraft preview(@PathVariable String jobId, @RequestBody(required = false) PreviewRequest body,
                         AccessScope scope) {
        JobState job = readable(jobId, scope);
        LocalDate on = body != null && body.billingDate() != null ? body.billingDate()
                : job.actualCompletion() != null ? job.actualCompletion() : LocalDate.now(clock);
        return bills.preview(job, on);
    }

    /**
     * Bills a completed job now, when its billing on completion was refused (a rate since added to its plan) or has
     * not run yet; a billed job answers with its one bill and nothing is issued again. A job left to the bill run is
     * billed by the run.
     */
    @PostMapping("/{jobId}/bill")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'BILLING', 'ADMIN')")
    @Operation(summary = "Bill a completed job (once: a billed job answers with its bill)")
    JobBilled bill(@PathVariable String jobId, AccessScope scope, Principal principal) {
        JobState job = readable(jobId, scope);
        if (job.status() != JobStatus.COMPLETED) {
            throw new LedgerRefusal(ErrorCode.JOB_STATE_INVALID, "Job " + jobId + " is " + job.status()
                    + ": only a completed job is billed", Map.of("state", "is " + job.status()));
        }
        if (job.awaitingBillRun()) {
            throw new LedgerRefusal(ErrorCode.JOB_STATE_INVALID, "Job " + jobId + " is of a job type billed by the "
                    + "bill run: the next run on or after " + job.actualCompletion() + " bills it",
                    Map.of("state", "awaits the bill run"));
        }
        return bills.bill(jobId, MetaData.with(LedgerMetadata.PRINCIPAL, principal.getName()));
    }

    private Map<String, String> send(Object command, String jobId, String action) {
        commands.send(command, ErrorCode.JOB_NOT_FOUND, jobId);
        return Map.of("jobId", jobId, "action", action);
    }

    /** The job as its stream folds it, if the user may read it; else refused as an unknown job. */
    private JobState readable(String jobId, AccessScope scope) {
        JobState job = new JobState();
        eventStore.readEvents(jobId, 0).asStream().forEach((DomainEventMessage<?> message) ->
                job.apply(message.getPayload(), message.getSequenceNumber()));
        if (job.jobId() == null || (scope != null && !scope.mayRead(job.owningUnit())
                && !(job.assignedUnit() != null && scope.mayRead(job.assignedUnit())))) {
            throw LedgerRefusal.outOfScope(ErrorCode.JOB_NOT_FOUND, "job", jobId, "No job with id " + jobId);
        }
        return job;
    }

    private static String lineId(String requested, HttpServletRequest request, Principal principal) {
        return requested != null && !requested.isBlank() ? requested.strip()
                : IdempotentIds.newId(request, principal, "job-line");
    }

    private static String reason(StepRequest body) {
        return body == null ? null : body.reason();
    }

}
