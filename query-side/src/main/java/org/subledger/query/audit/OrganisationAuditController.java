package org.subledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.organisation.OrganisationIds;
import org.subledger.kernel.organisation.UnitState;
import org.subledger.kernel.organisation.UserState;

import java.util.List;
import java.util.function.Supplier;

/**
 * The audit trail of an organisational unit or a user of the ledger: a page of its events exactly as the event store
 * holds them, with who changed what and when, and the unit or user after each (by the fold its aggregate decides
 * with: {@link UnitState}, {@link UserState}). A password change shows as the fact that it happened, never the
 * password. Restricted to auditors, supervisors and admins by the {@code /api/audit/**} rule.
 */
@RestController
@Validated
@RequestMapping("/api/audit")
class OrganisationAuditController {

    private final EventStore eventStore;

    OrganisationAuditController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** A page of the history of a unit or a user, oldest event first, each event with the unit or user after it. */
    public record HistoryView(String id, List<AuditedEvent> events, int page, int size, long totalElements,
                              long totalPages) {
    }

    @GetMapping("/units/{code}/events")
    @Operation(summary = "A page of a unit's recorded events, oldest first, each with the unit after it")
    public HistoryView unit(@PathVariable String code,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                            @RequestParam(defaultValue = "" + AuditTrail.DEFAULT_PAGE_SIZE) @Min(1)
                            @Max(AuditTrail.MAX_PAGE_SIZE) int size) {
        return history(code, OrganisationIds.unit(code), ErrorCode.UNIT_NOT_FOUND, AuditTrail.folding(UnitState::new,
                (state, event) -> state.apply(event.getPayload()), UnitState::summary), page, size);
    }

    @GetMapping("/users/{userName}/events")
    @Operation(summary = "A page of a user's recorded events, oldest first, each with the user after it")
    public HistoryView user(@PathVariable String userName,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                            @RequestParam(defaultValue = "" + AuditTrail.DEFAULT_PAGE_SIZE) @Min(1)
                            @Max(AuditTrail.MAX_PAGE_SIZE) int size) {
        return history(userName, OrganisationIds.user(userName), ErrorCode.USER_NOT_FOUND,
                AuditTrail.folding(UserState::new, (state, event) -> state.apply(event.getPayload()),
                        UserState::summary), page, size);
    }

    private HistoryView history(String id, String aggregateId, ErrorCode whenMissing, Supplier<AuditTrail.Fold> fold,
                                int page, int size) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(aggregateId, 0).asStream().toList();
        if (events.isEmpty()) {
            throw new LedgerRefusal(whenMissing, "No record " + id + ".");
        }
        AuditTrail.Page trail = AuditTrail.page(events, fold, page, size);
        return new HistoryView(id, trail.events(), trail.page(), trail.size(), trail.totalElements(),
                trail.totalPages());
    }
}
