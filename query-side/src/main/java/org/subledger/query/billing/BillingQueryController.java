package org.subledger.query.billing;

import io.swagger.v3.oas.annotations.Operation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.access.AccessScope;
import org.subledger.query.access.ReadableAccounts;
import org.subledger.kernel.billing.query.BillPage;
import org.subledger.kernel.billing.query.BillRunPage;
import org.subledger.kernel.billing.query.BillRunSummary;
import org.subledger.kernel.billing.query.CreditNoteSummary;
import org.subledger.kernel.billing.query.FindBillRun;
import org.subledger.kernel.billing.query.FindCreditNote;
import org.subledger.kernel.billing.query.ListAccountBills;
import org.subledger.kernel.billing.query.ListBillRuns;
import org.subledger.kernel.billing.query.ListUnbilledUsage;
import org.subledger.kernel.billing.query.UnbilledUsageRecord;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.query.account.PageView;
import org.subledger.query.subscription.SubscriptionReadModel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The query API of billing: bills with their lines, an account's bills, the bill runs and the usage not billed yet, from
 * the billing read models through the query bus. Open to every authenticated user; it changes nothing.
 */
@RestController
@Validated
@RequestMapping("/api")
class BillingQueryController {

    private final QueryGateway queryGateway;
    private final SubscriptionReadModel subscriptions;
    private final ReadableAccounts accounts;
    private final ReadableBills bills;
    private final BillRunsAsOf runsAsOf;
    private final Clock clock;

    BillingQueryController(QueryGateway queryGateway, SubscriptionReadModel subscriptions,
                           ReadableAccounts accounts, ReadableBills bills, BillRunsAsOf runsAsOf, Clock clock) {
        this.runsAsOf = runsAsOf;
        this.clock = clock;
        this.queryGateway = queryGateway;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.bills = bills;
    }

    /** The bill with its lines and the explanation of each line's amount; with {@code asOf}, only if issued by then. */
    @GetMapping("/bills/{billId}")
    @Operation(summary = "A bill: its lines as JSON, or the document the customer receives (HTML, PDF)")
    public BillView bill(@PathVariable String billId, @RequestParam(required = false) Instant asOf,
                         AccessScope scope) {
        BillView bill = BillView.of(bills.readable(billId, scope));
        if (asOf != null && bill.issuedAt().isAfter(asOf)) {
            // a bill never changes once issued (a correction is another bill): as of an instant it is this one, or
            // it was not issued yet; issuedAt is its BillIssued event's time
            throw new LedgerRefusal(ErrorCode.BILL_NOT_YET_ISSUED, "Bill " + billId + " was issued at "
                    + bill.issuedAt() + ", after " + asOf + ".",
                    Map.of("asOf", "is before the bill was issued (" + bill.issuedAt() + ")"));
        }
        return bill;
    }

    /** A credit note, readable by whoever may read the bill it corrects. */
    @GetMapping("/credit-notes/{creditNoteId}")
    @Operation(summary = "A credit note: its number, the bill it corrects, the amount credited with its tax part")
    public CreditNoteView creditNote(@PathVariable String creditNoteId, AccessScope scope) {
        CreditNoteSummary note = queryGateway.query(new FindCreditNote(creditNoteId),
                ResponseTypes.optionalInstanceOf(CreditNoteSummary.class)).join()
                .orElseThrow(() -> notFound(creditNoteId));
        try {
            bills.readable(note.billId(), scope);
        } catch (LedgerRefusal outOfScope) {
            throw notFound(creditNoteId);
        }
        return CreditNoteView.of(note);
    }

    private static LedgerRefusal notFound(String creditNoteId) {
        return new LedgerRefusal(ErrorCode.CREDIT_NOTE_NOT_FOUND, "No credit note " + creditNoteId + ".");
    }

    /** The account's bills, newest first. */
    @GetMapping("/accounts/{accountId}/bills")
    @Operation(summary = "An account's bills, newest first, paged")
    public PageView<BillSummaryView> billsOf(@PathVariable String accountId,
                                             @RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "50") @Min(1)
                                             @Max(BillQueryHandler.MAX_PAGE_SIZE) int size,
                                             AccessScope scope) {
        accounts.readable(accountId, scope);
        BillPage bills = queryGateway.query(new ListAccountBills(accountId, page, size), BillPage.class).join();
        return PageView.of(bills.content(), BillSummaryView::of, bills.page(), bills.size(), bills.totalElements());
    }

    /**
     * The bill runs, newest first: status, progress, who started them, how long they took or may still take. With
     * {@code asOf}: the runs started by then, each as it stood then (rebuilt from its events).
     */
    @GetMapping("/bill-runs")
    @Operation(summary = "Bill runs, newest first, with progress and the time left while running; or as of asOf")
    public PageView<BillRunView> billRuns(@RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "50") @Min(1)
                                          @Max(BillQueryHandler.MAX_PAGE_SIZE) int size,
                                          @RequestParam(required = false) Instant asOf) {
        BillRunPage runs = queryGateway.query(new ListBillRuns(page, size, asOf), BillRunPage.class).join();
        if (asOf == null) {
            Instant now = clock.instant();
            return PageView.of(runs.content(), run -> BillRunView.of(run, now), runs.page(), runs.size(),
                    runs.totalElements());
        }
        // the read model chose the page (runs started by asOf); each run is then told by its own events
        return PageView.of(runs.content(), run -> BillRunView.of(runsAsOf.asOf(runsAsOf.events(run.runId()), asOf)
                .orElse(run), asOf), runs.page(), runs.size(), runs.totalElements());
    }

    /**
     * The bill run: its status, billing date, filters, counts so far, who started it and how long it took; with
     * {@code asOf}, as it stood then, rebuilt from its events.
     */
    @GetMapping("/bill-runs/{runId}")
    @Operation(summary = "One bill run: state, progress, who started it, duration; now or as it stood at asOf")
    public BillRunView billRun(@PathVariable String runId, @RequestParam(required = false) Instant asOf) {
        if (asOf != null) {
            var events = runsAsOf.events(runId);
            if (events.isEmpty()) {
                throw runNotFound(runId);
            }
            return runsAsOf.asOf(events, asOf).map(run -> BillRunView.of(run, asOf)).orElseThrow(() ->
                    new LedgerRefusal(ErrorCode.BILL_RUN_NOT_YET_STARTED, "Bill run " + runId + " was started at "
                            + events.get(0).getTimestamp() + ", after " + asOf + ".",
                            Map.of("asOf", "is before the run was started (" + events.get(0).getTimestamp() + ")")));
        }
        Instant now = clock.instant();
        return queryGateway.query(new FindBillRun(runId), ResponseTypes.optionalInstanceOf(BillRunSummary.class))
                .join().map(run -> BillRunView.of(run, now))
                .orElseThrow(() -> runNotFound(runId));
    }

    private static LedgerRefusal runNotFound(String runId) {
        return new LedgerRefusal(ErrorCode.BILL_RUN_NOT_FOUND, "No bill run " + runId + ".");
    }

    /** The subscription's usage records no bill has included yet, and their total. */
    @GetMapping("/subscriptions/{subscriptionId}/unbilled-usage")
    @Operation(summary = "Usage of a subscription that no bill has billed yet")
    public UnbilledUsageView unbilledUsage(@PathVariable String subscriptionId, AccessScope scope) {
        subscriptions.readable(subscriptionId, scope);
        List<UnbilledUsageRecord> records = queryGateway.query(new ListUnbilledUsage(subscriptionId),
                ResponseTypes.multipleInstancesOf(UnbilledUsageRecord.class)).join();
        return UnbilledUsageView.of(subscriptionId, records);
    }
}
