package org.subledger.query.billing;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.query.audit.AuditTrail;
import org.subledger.query.audit.AuditedEvent;

import java.util.List;

/**
 * {@code GET /api/audit/bills/{billId}/events}: a bill's own stream as the event store holds it, paged, each event
 * with who, when and why and the bill after it. A bill is immutable once issued: its stream is its
 * {@link BillIssued}, so the bill after an event is the bill as last issued (what settles it is the account's
 * allocations, in the account's trail; a correction is a new bill). Restricted to auditors, supervisors and admins by
 * the {@code /api/audit/**} rule, and to bills on accounts the caller may read.
 */
@RestController
@Validated
class BillAuditController {

    private final EventStore eventStore;
    private final ReadableBills bills;

    BillAuditController(EventStore eventStore, ReadableBills bills) {
        this.eventStore = eventStore;
        this.bills = bills;
    }

    @GetMapping("/api/audit/bills/{billId}/events")
    @Operation(summary = "A page of a bill's recorded events, oldest first, each with the bill after it")
    public BillEventsView events(@PathVariable String billId,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                @RequestParam(defaultValue = "" + AuditTrail.DEFAULT_PAGE_SIZE) @Min(1)
                                @Max(AuditTrail.MAX_PAGE_SIZE) int size,
                                AccessScope scope) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(billId, 0).asStream().toList();
        var missing = new LedgerRefusal(ErrorCode.BILL_NOT_FOUND, "No bill " + billId + ".");
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof BillIssued issued)) {
            throw missing;
        }
        if (scope != null && !scope.superUser() && !scope.superReader()) {
            var account = bills.account(issued.accountId());
            if (account == null || !scope.mayReadAccount(issued.accountId(), account.owningUnit())) {
                throw LedgerRefusal.outOfScope(ErrorCode.BILL_NOT_FOUND, "bill", billId, "No bill " + billId + ".");
            }
        }
        return BillEventsView.of(billId, AuditTrail.page(events, AuditTrail.folding(IssuedBill::new,
                (bill, event) -> bill.apply(event.getPayload()), IssuedBill::state), page, size));
    }

    /** The bill as its stream has issued it so far ({@code null} before its issue). */
    private static final class IssuedBill {
        private BillIssued issued;

        void apply(Object payload) {
            if (payload instanceof BillIssued bill) {
                issued = bill;
            }
        }

        BillIssued state() {
            return issued;
        }
    }

    /** A page of the bill's history, oldest event first, each event with the bill after it. */
    public record BillEventsView(String billId, List<AuditedEvent> events, int page, int size, long totalElements,
                                 long totalPages) {
        static BillEventsView of(String billId, AuditTrail.Page trail) {
            return new BillEventsView(billId, trail.events(), trail.page(), trail.size(), trail.totalElements(),
                    trail.totalPages());
        }
    }
}
