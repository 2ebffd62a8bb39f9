package org.subledger.command.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.usage.UnbilledBatchUsage;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillSection;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's next bill as a bill run would issue it: every subscription a run on the date would select (due on or
 * before it), each worked out by the same {@link BillCalculator} (periods, proration, discounts, tax) and put onto
 * bills by the same {@link AccountBills} rule (one bill with a section per subscription where their schemes bill per
 * account, a bill each otherwise), from the subscriptions' and the account's event streams. Records nothing.
 */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Billing (commands)")
class AccountBillPreviewController {

    private final EventStreams streams;
    private final BillingCatalogs catalogs;
    private final BillingIndex index;
    private final BillingRules rules;
    private final Clock clock;

    private final UnbilledBatchUsage batchUsage;

    AccountBillPreviewController(EventStreams streams, BillingCatalogs catalogs, BillingIndex index,
                                 BillingProperties properties, Clock clock, UnbilledBatchUsage batchUsage) {
        this.streams = streams;
        this.batchUsage = batchUsage;
        this.catalogs = catalogs;
        this.index = index;
        this.rules = new BillingRules(properties.paymentTermDays());
        this.clock = clock;
    }

    /**
     * A bill the run would issue (without its number and id, which only issuing takes): the subscriptions on it in
     * section order, its period, due date, total with its tax part, lines (numbered on across the sections) and
     * sections.
     */
    record PreviewBill(List<String> subscriptionIds, LocalDate periodFrom, LocalDate periodTo, LocalDate dueDate,
                       Money total, Money taxTotal, List<BillLine> lines, List<BillSection> sections) {
    }

    /** A subscription the run would record as failed to bill (its refusal's code and message), not on any bill. */
    record Refusal(String subscriptionId, String code, String message) {
    }

    record AccountPreviewView(String accountId, LocalDate billingDate, List<PreviewBill> bills,
                              List<Refusal> refusals) {
    }

    @GetMapping("/{accountId}/bill-preview")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'BILLING', 'ADMIN')")
    @Operation(summary = "Preview the account's next bill (every section, discounts and tax) as a bill run on the "
            + "date would issue it, without recording anything")
    AccountPreviewView preview(@PathVariable String accountId, @RequestParam(required = false) LocalDate date,
                               AccessScope scope) {
        List<DomainEventMessage<?>> accountStream = streams.read(List.of(accountId)).get(accountId);
        BillingAccount account = accountStream == null ? null : AccountFold.of(accountStream);
        if (account == null) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No account " + accountId);
        }
        if (scope != null && accountStream.get(0).getPayload() instanceof AccountOpened opened
                && !scope.mayReadAccount(accountId, opened.owningUnit())) {
            throw LedgerRefusal.outOfScope(ErrorCode.ACCOUNT_NOT_FOUND, "account", accountId,
                    "No account " + accountId);
        }
        if (account.closed()) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "Account " + accountId + " is closed");
        }
        LocalDate billingDate = date != null ? date : nextBillingDate(accountId);
        var catalog = catalogs.read();
        List<String> due = index.dueOf(accountId, billingDate);
        Map<String, List<DomainEventMessage<?>>> read = due.isEmpty() ? Map.of() : streams.read(due);
        var unbilledInBatches = batchUsage.unbilled(due);
        List<BillDraft> drafts = new ArrayList<>();
        Map<String, BillingState> states = new HashMap<>();
        List<Refusal> refusals = new ArrayList<>();
        for (String subscriptionId : due) {
            List<DomainEventMessage<?>> stream = read.get(subscriptionId);
            if (stream == null) {
                continue;
            }
            BillingState state = BillingState.of(stream, unbilledInBatches.getOrDefault(subscriptionId, List.of()));
            try {
                BillCalculator.bill(state, account, catalog, billingDate, BillKind.RUN, rules).ifPresent(draft -> {
                    drafts.add(draft);
                    states.put(subscriptionId, state);
                });
            } catch (LedgerRefusal refusal) {
                refusals.add(new Refusal(subscriptionId, refusal.code().name(), refusal.getMessage()));
            }
        }
        List<PreviewBill> bills = AccountBills.of(drafts, draft -> BillWriter.perAccount(
                states.get(draft.subscriptionId()), catalog, BillKind.RUN)).stream()
                .map(bill -> new PreviewBill(bill.drafts().stream().map(BillDraft::subscriptionId).toList(),
                        bill.periodFrom(), bill.periodTo(), bill.dueDate(), bill.total(), bill.taxTotal(),
                        bill.lines(), bill.sections()))
                .toList();
        return new AccountPreviewView(accountId, billingDate, bills, refusals);
    }

    /** The first date a run would bill one of the account's subscriptions again; today when none is due. */
    private LocalDate nextBillingDate(String accountId) {
        LocalDate next = index.nextBillingDateOf(accountId);
        return next == null ? LocalDate.now(clock) : next;
    }
}
