package org.subledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.organisation.OrganisationIds;

import java.util.List;

/**
 * The audit trail of an organisational unit or a user of the ledger: its events exactly as the event store holds
 * them, with who changed what and when (the same shape as an account's). A password change shows as the fact that
 * it happened, never the password. Restricted to auditors, supervisors and admins by the {@code /api/audit/**} rule.
 */
@RestController
@RequestMapping("/api/audit")
class OrganisationAuditController {

    private final EventStore eventStore;

    OrganisationAuditController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The complete history of a unit or a user, oldest event first. */
    public record HistoryView(String id, List<AuditedEvent> events) {
    }

    @GetMapping("/units/{code}/events")
    @Operation(summary = "A unit's recorded events, oldest first")
    public HistoryView unit(@PathVariable String code) {
        return history(code, OrganisationIds.unit(code), ErrorCode.UNIT_NOT_FOUND);
    }

    @GetMapping("/users/{userName}/events")
    @Operation(summary = "A user's recorded events, oldest first")
    public HistoryView user(@PathVariable String userName) {
        return history(userName, OrganisationIds.user(userName), ErrorCode.USER_NOT_FOUND);
    }

    private HistoryView history(String id, String aggregateId, ErrorCode whenMissing) {
        List<AuditedEvent> events = eventStore.readEvents(aggregateId, 0).asStream()
                .<AuditedEvent>map(AuditedEvent::of).toList();
        if (events.isEmpty()) {
            throw new LedgerRefusal(whenMissing, "No record " + id + ".");
        }
        return new HistoryView(id, events);
    }
}
