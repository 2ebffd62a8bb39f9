package org.subledger.query.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.CompanyDetails;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.FindAccount;
import org.subledger.kernel.account.FindAccountStatement;
import org.subledger.kernel.account.StatementPage;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.BillPosted;
import org.subledger.kernel.billing.BillRunCandidatesSelected;
import org.subledger.kernel.billing.BillRunCompleted;
import org.subledger.kernel.billing.BillRunStarted;
import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.billing.LineExplanation;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.billing.query.BillDetails;
import org.subledger.kernel.billing.query.BillRunStatus;
import org.subledger.kernel.billing.query.BillRunSummary;
import org.subledger.kernel.billing.query.FindBill;
import org.subledger.kernel.billing.query.FindBillRun;
import org.subledger.kernel.billing.query.ListUnbilledUsage;
import org.subledger.kernel.billing.query.UnbilledUsageRecord;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.query.FindSubscription;
import org.subledger.kernel.subscription.query.SubscriptionSummary;
import org.subledger.kernel.usage.UsageRecorded;
import org.subledger.query.QueryNodeTest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The billing query API on the query node alone (projections, query handlers, controllers) on an embedded
 * PostgreSQL, fed with billing events appended straight to the event store.
 */
class BillingQueryApiTest extends QueryNodeTest {

    private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);
    private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
    private static final Instant T0 = Instant.parse("2026-04-01T02:00:00Z");

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;
    @Autowired
    QueryGateway queryGateway;

    @Test
    void showsABillWithItsLinesAndHowEachAmountWasReached() throws Exception {
        String id = UUID.randomUUID().toString();
        eventStore.publish(event("Bill", "B-" + id, 0, bill("B-" + id, "2026-" + id, "ACC-" + id, "SUB-" + id,
                "RUN-" + id, APRIL_1, "25.20")));
        await("bill B-" + id, () -> findBill("B-" + id));

        read("/api/bills/B-" + id, "reporter")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.billId").value("B-" + id))
                .andExpect(jsonPath("$.billNumber").value("2026-" + id))
                .andExpect(jsonPath("$.accountId").value("ACC-" + id))
                .andExpect(jsonPath("$.subscriptionId").value("SUB-" + id))
                .andExpect(jsonPath("$.runId").value("RUN-" + id))
                .andExpect(jsonPath("$.kind").value("RUN"))
                .andExpect(jsonPath("$.issuedOn").value("2026-04-01"))
                .andExpect(jsonPath("$.periodFrom").value("2026-04-01"))
                .andExpect(jsonPath("$.periodTo").value("2026-05-01"))
                .andExpect(jsonPath("$.dueDate").value("2026-04-15"))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.lineCount").value(2))
                .andExpect(jsonPath("$.issuedAt").value("2026-04-01T02:00:00Z"))
                .andExpect(content().string(containsString("\"total\":" + written("25.20")
                        + ",\"taxTotal\":" + written("4.02"))))
                .andExpect(jsonPath("$.lines[*].lineNo", contains(1, 2)))
                .andExpect(jsonPath("$.lines[*].kind", contains("RECURRING", "USAGE")))
                .andExpect(jsonPath("$.lines[0].productCode").value("GOLD"))
                .andExpect(jsonPath("$.lines[0].description").value("Gold package April 2026"))
                .andExpect(jsonPath("$.lines[0].from").value("2026-04-01"))
                .andExpect(jsonPath("$.lines[0].to").value("2026-05-01"))
                .andExpect(jsonPath("$.lines[0].quantity").value(1))
                .andExpect(jsonPath("$.lines[0].taxRatePercent").value(19))
                .andExpect(jsonPath("$.lines[0].reference").doesNotExist())
                .andExpect(jsonPath("$.lines[0].explanation.pricePlanCode").value("STANDARD"))
                .andExpect(jsonPath("$.lines[0].explanation.rateModel").value("FLAT"))
                .andExpect(jsonPath("$.lines[0].explanation.daysCharged").value(30))
                .andExpect(jsonPath("$.lines[0].explanation.directive").value("BILL"))
                .andExpect(jsonPath("$.lines[0].explanation.tiers[0].level").value("base"))
                .andExpect(jsonPath("$.lines[0].explanation.periodAmount.currency").value("EUR"))
                .andExpect(content().string(containsString("\"amount\":" + written("24.00")
                        + ",\"taxAmount\":" + written("3.83"))))
                .andExpect(jsonPath("$.lines[1].reference").value("UDR-1"))
                .andExpect(jsonPath("$.lines[1].explanation").doesNotExist());
    }

    @Test
    void answersAnUnknownBillOrBillRunWithNotFound() throws Exception {
        read("/api/bills/B-nobody", "reporter")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("BILL_NOT_FOUND"));
        read("/api/bill-runs/RUN-nobody", "reporter")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("BILL_RUN_NOT_FOUND"));
        read("/api/accounts/ACC-nobody/bills", "reporter")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ACCOUNT_NOT_FOUND"));
        read("/api/subscriptions/SUB-nobody/unbilled-usage", "reporter")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("SUBSCRIPTION_NOT_FOUND"));
    }

    @Test
    void pagesAnAccountsBillsNewestFirst() throws Exception {
        String account = openedAccount();
        var bills = new ArrayList<DomainEventMessage<?>>();
        for (int month = 1; month <= 3; month++) {
            String billId = "B-" + month + "-" + account;
            bills.add(event("Bill", billId, 0, bill(billId, "2026-00000" + month + "-" + account, account,
                    "SUB-" + account, null, LocalDate.of(2026, month, 1), month + "0.00")));
        }
        eventStore.publish(bills);
        await("the third bill of " + account, () -> findBill("B-3-" + account));
        await("the first bill of " + account, () -> findBill("B-1-" + account));
        await("the second bill of " + account, () -> findBill("B-2-" + account));

        read("/api/accounts/" + account + "/bills?page=0&size=2", "reporter")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.content[*].billId", contains("B-3-" + account, "B-2-" + account)))
                .andExpect(jsonPath("$.content[0].issuedOn").value("2026-03-01"))
                .andExpect(jsonPath("$.content[0].kind").value("USAGE"))
                .andExpect(jsonPath("$.content[0].lines").doesNotExist())
                .andExpect(content().string(containsString("\"total\":" + written("30.00"))));
        read("/api/accounts/" + account + "/bills?page=1&size=2", "reporter")
                .andExpect(jsonPath("$.content[*].billId", contains("B-1-" + account)));
        read("/api/accounts/" + account + "/bills?size=501", "reporter")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void showsABillRunsProgressAndItsOutcome() throws Exception {
        String run = "RUN-" + UUID.randomUUID();
        eventStore.publish(List.of(
                event("BillRun", run, 0, new BillRunStarted(run, APRIL_1, BillingFrequency.MONTHLY, null)),
                event("BillRun", run, 1, new BillRunCandidatesSelected(run, 4)),
                event("Bill", "B-" + run, 0, bill("B-" + run, "N-" + run, "ACC-" + run, "SUB-" + run, run,
                        APRIL_1, "25.20"))));
        await(run + " with one bill", () -> findRun(run, summary -> summary.billed() == 1
                && summary.subscriptionsTotal() != null));

        read("/api/bill-runs/" + run, "reporter")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runId").value(run))
                .andExpect(jsonPath("$.status").value("STARTED"))
                .andExpect(jsonPath("$.billingDate").value("2026-04-01"))
                .andExpect(jsonPath("$.billingFrequency").value("MONTHLY"))
                .andExpect(jsonPath("$.subscriptionTypeCode").doesNotExist())
                .andExpect(jsonPath("$.subscriptionsTotal").value(4))
                .andExpect(jsonPath("$.billed").value(1))
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.skipped").doesNotExist())
                .andExpect(jsonPath("$.startedAt").value("2026-04-01T02:00:00Z"))
                .andExpect(jsonPath("$.completedAt").doesNotExist());

        eventStore.publish(event("BillRun", run, 2, new BillRunCompleted(run, 4, 1, 3, 0)));
        await(run + " completed", () -> findRun(run, summary -> summary.status() == BillRunStatus.COMPLETED));
        read("/api/bill-runs/" + run, "auditor")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.billed").value(1))
                .andExpect(jsonPath("$.skipped").value(3))
                .andExpect(jsonPath("$.completedAt").value("2026-04-01T02:00:02Z"));
    }

    @Test
    void listsTheUsageNoBillIncludedYetWithItsTotal() throws Exception {
        String sub = "SUB-" + UUID.randomUUID();
        eventStore.publish(List.of(event("Subscription", sub, 0, subscriptionCreated(sub)),
                event("Subscription", sub, 1, usage(sub, "UDR-1", "1.20", 14)),
                event("Subscription", sub, 2, usage(sub, "UDR-2", "0.80", 15)),
                event("Subscription", sub, 3, usage(sub, "UDR-3", "2.05", 16)),
                event("Subscription", sub, 4, new SubscriptionBilled(sub, "ACC-" + sub, "B-" + sub, "N-" + sub,
                        null, APRIL_1, MAY_1, MAY_1, List.of(), List.of("UDR-1"), List.of(),
                        SubscriptionAction.of(BehaviourCode.BILL, null)))));
        await("the unbilled usage of " + sub, () -> unbilled(sub).size() == 2
                && queryGateway.query(new FindSubscription(sub),
                ResponseTypes.optionalInstanceOf(SubscriptionSummary.class)).join().isPresent());

        read("/api/subscriptions/" + sub + "/unbilled-usage", "reporter")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subscriptionId").value(sub))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(content().string(containsString("\"total\":" + written("2.85"))))
                .andExpect(jsonPath("$.records[*].recordId", contains("UDR-2", "UDR-3")))
                .andExpect(jsonPath("$.records[0].productCode").value("CALLS"))
                .andExpect(jsonPath("$.records[0].usedAt").value("2026-03-15T18:02:00"))
                .andExpect(jsonPath("$.records[0].recordedOn").value("2026-03-15"))
                .andExpect(content().string(containsString("\"amount\":" + written("0.80"))));
    }

    @Test
    void showsABillOnTheStatementAsADebitOrACreditByTheSignOfItsTotal() throws Exception {
        String account = openedAccount();
        eventStore.publish(List.of(
                event("Account", account, 1, new BillPosted(account, "bill:B1", "B1", "2026-000001", eur("45.00"),
                        eur("7.18"), "Bill 2026-000001", eur("45.00"), LocalDate.of(2026, 4, 15))),
                event("Account", account, 2, new BillPosted(account, "bill:B2", "B2", "2026-000002", eur("-50.00"),
                        eur("-7.98"), "Bill 2026-000002", eur("-5.00"), LocalDate.of(2026, 4, 15)))));
        await("both bills on " + account, () -> queryGateway.query(new FindAccount(account),
                ResponseTypes.optionalInstanceOf(AccountSummary.class)).join()
                .map(summary -> summary.version() == 2).orElse(false));
        // the statement is another read model, following at its own pace
        await("both bills on the statement of " + account, () -> queryGateway.query(
                new FindAccountStatement(account, 0, 10), StatementPage.class).join().content().size() == 2);

        read("/api/accounts/" + account + "/statement", "reporter")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].entryType", contains("BILL", "BILL")))
                .andExpect(jsonPath("$.content[*].reference", contains("2026-000001", "2026-000002")))
                .andExpect(content().string(containsString("\"amount\":" + written("45.00")
                        + ",\"balanceEffect\":" + written("45.00") + ","
                        + "\"runningBalance\":" + written("45.00"))))
                .andExpect(content().string(containsString("\"amount\":" + written("50.00")
                        + ",\"balanceEffect\":" + written("-50.00") + ","
                        + "\"runningBalance\":" + written("-5.00"))));
        read("/api/accounts/" + account, "reporter")
                .andExpect(jsonPath("$.status").value("SETTLED"))
                .andExpect(content().string(containsString("\"balance\":" + written("-5.00"))));
        read("/api/accounts/" + account + "?asOf=" + T0.plusSeconds(1), "reporter")
                .andExpect(content().string(containsString("\"balance\":" + written("45.00"))));
        read("/api/audit/accounts/" + account + "/events", "auditor")
                .andExpect(jsonPath("$.events[*].type", contains("AccountOpened", "BillPosted", "BillPosted")))
                .andExpect(jsonPath("$.events[2].payload.billNumber").value("2026-000002"))
                .andExpect(jsonPath("$.events[2].payload.total.amount").value(-50.00));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private String openedAccount() {
        String id = "ACC-" + UUID.randomUUID();
        eventStore.publish(event("Account", id, 0, new AccountOpened(id, CustomerType.COMPANY, null,
                new CompanyDetails("Acme Ltd", "REG-1", "VAT-1"), ContactDetails.none(), Currency.getInstance("EUR"),
                eur("1000.00"), "AA", "CORPORATE", "agent")));
        await("account " + id, () -> queryGateway.query(new FindAccount(id),
                ResponseTypes.optionalInstanceOf(AccountSummary.class)).join().isPresent());
        return id;
    }

    private static BillIssued bill(String billId, String billNumber, String accountId, String subscriptionId,
                                   String runId, LocalDate issuedOn, String total) {
        var fee = new BillLine(1, BillLineKind.RECURRING, "GOLD", "Gold package April 2026", APRIL_1, MAY_1, 1,
                eur("24.00"), eur("3.83"), new BigDecimal("19"), null,
                new LineExplanation("STANDARD", "FLAT", null, 1,
                        List.of(new RatingLine("base", 1, eur("24.00"), eur("24.00"))), eur("24.00"), 30L, 30L,
                        null, null, BillingDirective.BILL, List.of()));
        var call = new BillLine(2, BillLineKind.USAGE, "CALLS", "Call 2026-03-14 18:02", LocalDate.of(2026, 3, 14),
                LocalDate.of(2026, 3, 14), 3, eur("1.20"), eur("0.19"), new BigDecimal("19"), "UDR-1", null);
        return new BillIssued(billId, billNumber, accountId, subscriptionId, runId,
                runId == null ? BillKind.USAGE : BillKind.RUN, issuedOn, issuedOn, issuedOn.plusMonths(1),
                List.of(fee, call), eur(total), eur("4.02"), issuedOn.plusDays(14));
    }

    private static SubscriptionCreated subscriptionCreated(String id) {
        var terms = new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.MONTHLY, APRIL_1, APRIL_1,
                APRIL_1.plusMonths(12), null, null);
        return new SubscriptionCreated(id, "ACC-" + id, "GOLD", SubscriptionState.EFFECTIVE, terms, null, null,
                List.of(), List.of(new SubscriptionService("GOLD", List.of(), APRIL_1, APRIL_1, APRIL_1, Set.of())),
                List.of(), APRIL_1, SubscriptionAction.of(BehaviourCode.BECOME_SUBSCRIBER, null));
    }

    private static UsageRecorded usage(String subscriptionId, String recordId, String amount, int day) {
        return new UsageRecorded(subscriptionId, "ACC-" + subscriptionId, recordId, "CALLS", "VOICE", "GOLD",
                LocalDateTime.of(2026, 3, day, 18, 2), eur(amount), new RatingLine("peak", 3, eur("0.40"),
                eur(amount)), LocalDate.of(2026, 3, day), SubscriptionAction.of(BehaviourCode.RECORD_USAGE, null));
    }

    private static DomainEventMessage<?> event(String type, String id, long sequenceNumber, Object payload) {
        return new GenericDomainEventMessage<>(type, id, sequenceNumber, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), T0.plusSeconds(sequenceNumber));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private boolean findBill(String billId) {
        return queryGateway.query(new FindBill(billId), ResponseTypes.optionalInstanceOf(BillDetails.class)).join()
                .isPresent();
    }

    private boolean findRun(String runId, java.util.function.Predicate<BillRunSummary> condition) {
        return queryGateway.query(new FindBillRun(runId), ResponseTypes.optionalInstanceOf(BillRunSummary.class))
                .join().filter(condition).isPresent();
    }

    private List<UnbilledUsageRecord> unbilled(String subscriptionId) {
        return queryGateway.query(new ListUnbilledUsage(subscriptionId),
                ResponseTypes.multipleInstancesOf(UnbilledUsageRecord.class)).join();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private ResultActions read(String uri, String user) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return http.perform(get(uri).header(HttpHeaders.AUTHORIZATION, "Basic " + credentials));
    }

    /** An amount as every answer writes it. */
    private static String written(String amount) {
        return "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}";
    }
}
