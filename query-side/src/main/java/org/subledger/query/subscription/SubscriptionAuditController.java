package org.subledger.query.subscription;

import io.swagger.v3.oas.annotations.Operation;

import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.query.access.ReadScopes;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.query.audit.AuditedEvent;

import java.util.List;

/**
 * The audit trail of a subscription: its events exactly as the event store holds them, with who, when and why (the
 * same shape as an account's). Read straight from the event store; restricted to auditors, supervisors and admins
 * by the {@code /api/audit/**} rule.
 */
@RestController
@RequestMapping("/api/audit/subscriptions")
class SubscriptionAuditController {

    private final EventStore eventStore;

    SubscriptionAuditController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @GetMapping("/{subscriptionId}/events")
    @Operation(summary = "A subscription's recorded events, oldest first")
    public SubscriptionEventsView events(@PathVariable String subscriptionId, AccessScope scope) {
        List<AuditedEvent> events = eventStore.readEvents(subscriptionId, 0).asStream()
                .map(event -> new AuditedEvent(event.getSequenceNumber(), event.getIdentifier(),
                        event.getPayloadType().getSimpleName(), event.getTimestamp(), event.getPayload(),
                        event.getMetaData()))
                .toList();
        if (events.isEmpty()) {
            throw SubscriptionReadModel.notFound(subscriptionId);
        }
        if (events.get(0).payload() instanceof SubscriptionCreated created) {
            ReadScopes.requireSubscription(scope, subscriptionId, created.accountId(), created.owningUnit(),
                    SubscriptionReadModel.notFound(subscriptionId));
        }
        return new SubscriptionEventsView(subscriptionId, events);
    }

    /** The complete history of a subscription, oldest event first. */
    public record SubscriptionEventsView(String subscriptionId, List<AuditedEvent> events) {
    }
}
