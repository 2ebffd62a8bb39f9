package org.subledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.query.access.ReadScopes;

import java.util.List;

/**
 * The audit trail of an account: its events exactly as the event store holds them, with who, when and why. Read
 * straight from the event store, never from a read model. Restricted to auditors, supervisors and admins.
 */
@RestController
@RequestMapping("/api/audit/accounts")
class AccountAuditController {

    private final EventStore eventStore;

    AccountAuditController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @GetMapping("/{accountId}/events")
    @Operation(summary = "An account's recorded events, oldest first, with who and why")
    public AccountEventsView events(@PathVariable String accountId, AccessScope scope) {
        List<AuditedEvent> events = eventStore.readEvents(accountId, 0).asStream()
                .<AuditedEvent>map(AuditedEvent::of).toList();
        var missing = new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No account " + accountId + ".");
        if (events.isEmpty()) {
            throw missing;
        }
        String owningUnit = events.get(0).payload() instanceof AccountOpened opened ? opened.owningUnit() : null;
        ReadScopes.requireAccount(scope, accountId, owningUnit, missing);
        return new AccountEventsView(accountId, events);
    }
}
