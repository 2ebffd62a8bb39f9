package org.subledger.query.subscription;

import io.swagger.v3.oas.annotations.Operation;

import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.query.access.ReadScopes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.query.audit.AuditTrail;
import org.subledger.query.audit.AuditedEvent;
import org.subledger.query.subscription.SubscriptionUsageBatches.UsageBatchEventsView;

import java.util.List;

/**
 * The audit trail of a subscription: its events exactly as the event store holds them, with who, when and why and the
 * subscription after each (the same shape as an account's). Read straight from the event store; restricted to
 * auditors, supervisors and admins by the {@code /api/audit/**} rule.
 */
@RestController
@Validated
@RequestMapping("/api/audit/subscriptions")
class SubscriptionAuditController {

    private final EventStore eventStore;
    private final SubscriptionUsageBatches usageBatches;

    SubscriptionAuditController(EventStore eventStore, SubscriptionUsageBatches usageBatches) {
        this.eventStore = eventStore;
        this.usageBatches = usageBatches;
    }

    /** A page of the subscription's history, oldest event first, each event with the subscription after it. */
    @GetMapping("/{subscriptionId}/events")
    @Operation(summary = "A page of a subscription's recorded events, oldest first, each with the subscription after it")
    public SubscriptionEventsView events(@PathVariable String subscriptionId,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                  @RequestParam(defaultValue = "" + AuditTrail.DEFAULT_PAGE_SIZE) @Min(1)
                                  @Max(AuditTrail.MAX_PAGE_SIZE) int size,
                                  AccessScope scope) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(subscriptionId, 0).asStream().toList();
        requireVisible(subscriptionId, events.isEmpty() ? null : events.get(0), scope);
        var trail = AuditTrail.page(events, AuditTrail.folding(SubscriptionAsOfFolder::new,
                (folder, event) -> folder.apply(event.getPayload(), event.getSequenceNumber()),
                SubscriptionAsOfFolder::stateAfter), page, size);
        return SubscriptionEventsView.of(subscriptionId, trail);
    }

    /**
     * A page of the mediation batch events that hold the subscription's usage records (issue 17: a batch's records
     * are one {@code UsageBatchRecorded} event on no stream, so the stream's trail does not list them), oldest first,
     * each as stored but with only this subscription's records ({@link SubscriptionUsageBatches}).
     */
    @GetMapping("/{subscriptionId}/usage-batches")
    @Operation(summary = "A page of the mediation batch events holding a subscription's usage records, oldest first")
    public UsageBatchEventsView usageBatches(@PathVariable String subscriptionId,
                                             @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                             @RequestParam(defaultValue = "" + AuditTrail.DEFAULT_PAGE_SIZE) @Min(1)
                                             @Max(AuditTrail.MAX_PAGE_SIZE) int size,
                                             AccessScope scope) {
        var first = eventStore.readEvents(subscriptionId, 0);
        requireVisible(subscriptionId, first.hasNext() ? first.next() : null, scope);
        return usageBatches.page(subscriptionId, page, size);
    }

    private static void requireVisible(String subscriptionId, DomainEventMessage<?> first, AccessScope scope) {
        if (first == null) {
            throw SubscriptionReadModel.notFound(subscriptionId);
        }
        if (first.getPayload() instanceof SubscriptionCreated created) {
            ReadScopes.requireSubscription(scope, subscriptionId, created.accountId(), created.owningUnit(),
                    SubscriptionReadModel.notFound(subscriptionId));
        }
    }

    /** A page of the subscription's history, oldest event first, each event with the subscription after it. */
    public record SubscriptionEventsView(String subscriptionId, List<AuditedEvent> events, int page, int size,
                                         long totalElements, long totalPages) {
        static SubscriptionEventsView of(String subscriptionId, AuditTrail.Page trail) {
            return new SubscriptionEventsView(subscriptionId, trail.events(), trail.page(), trail.size(),
                    trail.totalElements(), trail.totalPages());
        }
    }
}
