package org.subledger.query.job;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.job.JobDiscount;
import org.subledger.kernel.job.JobState;
import org.subledger.query.audit.AuditTrail;
import org.subledger.query.audit.AuditedEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Jobs: lists from the {@code job_summary} read model (by account, state, assigned unit, late ones), one job from
 * its own event stream, now or {@code asOf} an instant, and its audit trail. A job is seen by the users of its
 * owning unit, of the unit it is assigned to (an installer company's users), super readers, and its account's
 * customer; others are answered as if it did not exist.
 */
@RestController
@Validated
class JobQueryController {

    private static final int MAX_LIST = 500;

    private final JobReadModel readModel;
    private final EventStore eventStore;
    private final Clock clock;

    JobQueryController(JobReadModel readModel, @Lazy EventStore eventStore, Clock clock) {
        this.readModel = readModel;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @GetMapping("/api/jobs")
    @Operation(summary = "Jobs, of an account or in a state")
    public List<JobSummaryView> jobs(@RequestParam(required = false) String accountId,
                                     @RequestParam(required = false) String state,
                                     @RequestParam(required = false) String assignedUnit,
                                     @RequestParam(required = false) Boolean late,
                                     AccessScope scope) {
        return readModel.jobs(new JobReadModel.Filter(accountId, state, assignedUnit, late, LocalDate.now(clock)),
                scope, MAX_LIST);
    }

    /** The job now, or as it stood at {@code asOf} (an ISO-8601 instant) when given. */
    @GetMapping("/api/jobs/{jobId}")
    @Operation(summary = "A job now, or as it stood at asOf")
    public JobView job(@PathVariable String jobId, @RequestParam(required = false) Instant asOf, AccessScope scope) {
        List<? extends DomainEventMessage<?>> events = readable(jobId, scope);
        JobState job = new JobState();
        events.stream().filter(event -> asOf == null || !event.getTimestamp().isAfter(asOf))
                .forEach(event -> job.apply(event.getPayload(), event.getSequenceNumber()));
        if (job.jobId() == null) {
            // readable() found the job, so it exists now: it had not been ordered yet at asOf
            throw new LedgerRefusal(ErrorCode.JOB_NOT_YET_CREATED, "Job " + jobId + " was ordered at "
                    + events.get(0).getTimestamp() + ", after " + asOf + ".",
                    Map.of("asOf", "is before the job was ordered (" + events.get(0).getTimestamp() + ")"));
        }
        return JobView.of(job, LocalDate.now(clock));
    }

    /** The job's discount state: each discount, its status and value, and what billing took off with it. */
    @GetMapping("/api/jobs/{jobId}/discounts")
    @Operation(summary = "The job's discounts: status, value, what billing took off")
    public List<JobDiscount> discounts(@PathVariable String jobId, AccessScope scope) {
        JobState job = new JobState();
        readable(jobId, scope).forEach(event -> job.apply(event.getPayload(), event.getSequenceNumber()));
        return List.copyOf(job.discounts().values());
    }

    /**
     * A page of the job's events exactly as the event store holds them, with who, when and why, and the job after
     * each (auditors and supervisors).
     */
    @GetMapping("/api/audit/jobs/{jobId}/events")
    @Operation(summary = "A page of a job's recorded events, oldest first, each with the job after it")
    public JobEventsView events(@PathVariable String jobId,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                  @RequestParam(defaultValue = "" + AuditTrail.DEFAULT_PAGE_SIZE) @Min(1)
                                  @Max(AuditTrail.MAX_PAGE_SIZE) int size,
                                  AccessScope scope) {
        LocalDate today = LocalDate.now(clock);
        return JobEventsView.of(jobId, AuditTrail.page(readable(jobId, scope), AuditTrail.folding(JobState::new,
                (job, event) -> job.apply(event.getPayload(), event.getSequenceNumber()),
                job -> job.jobId() == null ? null : JobView.of(job, today)), page, size));
    }

    private List<? extends DomainEventMessage<?>> readable(String jobId, AccessScope scope) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(jobId, 0).asStream().toList();
        JobState job = new JobState();
        events.forEach(event -> job.apply(event.getPayload(), event.getSequenceNumber()));
        if (job.jobId() == null) {
            throw notFound(jobId);
        }
        if (scope != null && !scope.mayReadAccount(job.accountId(), job.owningUnit())
                && !(job.assignedUnit() != null && !scope.isCustomer() && scope.mayRead(job.assignedUnit()))) {
            throw LedgerRefusal.outOfScope(ErrorCode.JOB_NOT_FOUND, "job", jobId, "No job " + jobId + ".");
        }
        return events;
    }

    private static LedgerRefusal notFound(String jobId) {
        return new LedgerRefusal(ErrorCode.JOB_NOT_FOUND, "No job " + jobId + ".");
    }

    /** A page of the job's history, oldest event first, each event with the job after it. */
    public record JobEventsView(String jobId, List<AuditedEvent> events, int page, int size, long totalElements,
                                long totalPages) {
        static JobEventsView of(String jobId, AuditTrail.Page trail) {
            return new JobEventsView(jobId, trail.events(), trail.page(), trail.size(), trail.totalElements(),
                    trail.totalPages());
        }
    }
}
