package org.subledger.query.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.eventhandling.DomainEventMessage;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AccountState;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.query.access.ReadScopes;

import java.time.Instant;
import java.util.List;

/**
 * The audit trail of an account: its events exactly as the event store holds them, with who, when and why, and the
 * account after each; and its balance as a series over time. Read straight from the event store, never from a read
 * model. Restricted to auditors, supervisors and admins.
 */
@RestController
@Validated
@RequestMapping("/api/audit/accounts")
class AccountAuditController {

    private final EventStore eventStore;

    AccountAuditController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @GetMapping("/{accountId}/events")
    @Operation(summary = "A page of an account's recorded events, oldest first, with who, why and the account after each")
    public AccountEventsView events(@PathVariable String accountId,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                  @RequestParam(defaultValue = "" + AuditTrail.DEFAULT_PAGE_SIZE) @Min(1)
                                  @Max(AuditTrail.MAX_PAGE_SIZE) int size,
                                  AccessScope scope) {
        var trail = AuditTrail.page(readable(accountId, scope), AuditTrail.folding(AccountState::new,
                (state, event) -> state.apply(event.getPayload(), event.getSequenceNumber(), event.getTimestamp()),
                AccountState::summary), page, size);
        return AccountEventsView.of(accountId, trail);
    }

    /**
     * The account's balance from {@code from} to {@code to} (inclusive; either may be left out): the balance just
     * before {@code from}, then one point per event that moved it, each with the balance after it.
     */
    @GetMapping("/{accountId}/balance-history")
    @Operation(summary = "An account's balance over time: one point per event that moved it")
    public BalanceHistoryView balanceHistory(@PathVariable String accountId,
                                             @RequestParam(required = false) Instant from,
                                             @RequestParam(required = false) Instant to,
                                             @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                             @RequestParam(defaultValue = "" + AuditTrail.DEFAULT_PAGE_SIZE)
                                             @Min(1) @Max(AuditTrail.MAX_PAGE_SIZE) int size,
                                             AccessScope scope) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "to must not be before from");
        }
        return BalanceHistoryView.of(accountId, readable(accountId, scope), from, to, page, size);
    }

    private List<? extends DomainEventMessage<?>> readable(String accountId, AccessScope scope) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(accountId, 0).asStream().toList();
        var missing = new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No account " + accountId + ".");
        if (events.isEmpty()) {
            throw missing;
        }
        String owningUnit = events.get(0).getPayload() instanceof AccountOpened opened ? opened.owningUnit() : null;
        ReadScopes.requireAccount(scope, accountId, owningUnit, missing);
        return events;
    }

    /** A page of the account's history, oldest event first, each event with the account after it. */
    public record AccountEventsView(String accountId, List<AuditedEvent> events, int page, int size, long totalElements,
                                    long totalPages) {
        static AccountEventsView of(String accountId, AuditTrail.Page trail) {
            return new AccountEventsView(accountId, trail.events(), trail.page(), trail.size(), trail.totalElements(),
                    trail.totalPages());
        }
    }
}
