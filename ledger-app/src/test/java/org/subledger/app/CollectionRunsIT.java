package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * Deactivation and reactivation runs end to end (issue 14, examples C1 to C3 of the seed): definitions created and
 * activated over HTTP, runs started now, subscriptions deactivated and reactivated through their own commands in
 * batches, the provisioning saga told.
 */
class CollectionRunsIT extends LedgerIT {

    @Autowired
    Clock clock;

    CollectionRuns collections;

    @BeforeEach
    void collections() {
        collections = new CollectionRuns(api, this::loadSampleCatalog);
    }

    /** C1, scaled from 2,500 in batches of 1,000 to 25 in batches of 10: three batches either way. */
    @Test
    void c1SubscriptionsOwingOverTenForTenDaysAreDeactivatedInBatchesAndThoseOwingNineStayEffective() {
        String type = collections.newSubscriptionType("C1");
        List<CollectionRuns.Customer> overdue = collections.customers(type, "25.00", 25);
        List<CollectionRuns.Customer> owingNine = collections.customers(type, "9.00", 10);
        // the run selects from the open items, a projection of its own behind the balances customers() waited for
        awaitOpenItems(overdue, "25.00");
        awaitOpenItems(owingNine, "9.00");
        String definitionId = collections.define("""
                {"name":"Normal deactivation","kind":"DEACTIVATION",
                 "amountAbove":{"amount":10.00,"currency":"EUR"},"dueDaysAgo":10,
                 "subscriptionTypes":["%s"],"batchSize":10,"pauseBetweenBatches":"PT0S","startAgainAfter":"P1D",
                 "recurrence":{"frequency":"MONTHLY_FIRST_WEEKDAY","at":"04:00","dayOfWeek":"MONDAY"}}"""
                .formatted(type));
        LocalDate today = LocalDate.now(clock);

        // as of today nothing is due ten days yet: the run matches nobody
        JsonNode early = collections.completed(collections.runNow(definitionId, today.toString()));
        assertThat(early.get("matched").asInt()).isZero();
        assertThat(early.get("batches").asInt()).isZero();

        // ten days on, the 25 owe more than 10.00 for ten days; the 10 owe 9.00
        JsonNode run = collections.completed(collections.runNow(definitionId, today.plusDays(10).toString()));
        assertThat(run.get("kind").asText()).isEqualTo("DEACTIVATION");
        assertThat(run.get("matched").asInt()).isEqualTo(25);
        assertThat(run.get("acted").asInt()).isEqualTo(25);
        assertThat(run.get("failed").asInt()).isZero();
        assertThat(run.get("batches").asInt()).isEqualTo(3);
        assertThat(run.get("batchesDone").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForList("""
                select jsonb_array_length(payload::jsonb -> 'outcomes') from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%CollectionRunBatchProcessed'
                order by sequence_number""", Integer.class, run.get("runId").asText())).containsExactly(10, 10, 5);
        for (var customer : overdue) {
            Await.until("deactivated", () -> collections.state(customer.subscriptionId()), "DEACTIVATED"::equals);
            assertThat(deactivations(customer.subscriptionId())).isEqualTo(1);
        }
        // the run is complete and never selected them: nothing of theirs can still be under way
        for (var customer : owingNine) {
            assertThat(deactivations(customer.subscriptionId())).isZero();
            assertThat(collections.state(customer.subscriptionId())).isEqualTo("EFFECTIVE");
        }

        // the definition is listed, and once active its recurrence is set: the first Monday of a month, at 04:00
        var activated = api.post("billing", "/api/collections/run-definitions/" + definitionId + "/activate", null);
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(activated.json().get("active").asBoolean()).isTrue();
        Instant next = Instant.parse(activated.json().get("nextRunAt").asText());
        LocalDate nextDay = LocalDate.ofInstant(next, ZoneOffset.UTC);
        assertThat(nextDay).isEqualTo(nextDay.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        assertThat(LocalTime.ofInstant(next, ZoneOffset.UTC)).isEqualTo(LocalTime.of(4, 0));
        assertThat(api.get("reporter", "/api/collections/run-definitions").json().findValuesAsText("definitionId"))
                .contains(definitionId);
    }

    /** C2: a CAA-rated account owing 1.00 is deactivated; another owing 1.00 with a better rating is not. */
    @Test
    void c2ACaaRatedAccountIsDeactivatedWhateverItOwes() {
        String type = collections.newSubscriptionType("C2");
        var badCreditor = collections.customer(type, "1.00");
        var goodCreditor = collections.customer(type, "1.00");
        assertThat(api.put("supervisor", "/api/accounts/" + badCreditor.accountId() + "/credit-rating",
                "{\"creditRating\": \"CAA\"}").status()).isEqualTo(200);
        assertThat(api.put("supervisor", "/api/accounts/" + goodCreditor.accountId() + "/credit-rating",
                "{\"creditRating\": \"AAA\"}").status()).isEqualTo(200);
        Await.until("the ratings on the read side", () -> api.get("reporter", "/api/accounts/"
                + goodCreditor.accountId()).json(), json -> "AAA".equals(json.path("creditRating").asText())
                && "CAA".equals(api.get("reporter", "/api/accounts/" + badCreditor.accountId()).json()
                .path("creditRating").asText()));
        String definitionId = collections.define("""
                {"name":"Bad creditors deactivation","kind":"DEACTIVATION","creditRating":"CAA",
                 "subscriptionTypes":["%s"],"batchSize":1000}""".formatted(type));

        JsonNode run = collections.completed(collections.runNow(definitionId, null));
        assertThat(run.get("matched").asInt()).isEqualTo(1);
        assertThat(run.get("acted").asInt()).isEqualTo(1);
        Await.until("deactivated", () -> collections.state(badCreditor.subscriptionId()), "DEACTIVATED"::equals);
        assertThat(deactivations(goodCreditor.subscriptionId())).isZero();
    }

    /** C3: a deactivated subscription whose account settled is reactivated, and provisioning is told. */
    @Test
    void c3ADeactivatedSubscriptionIsReactivatedOnceItsAccountSettledAndProvisioningIsTold() {
        String type = collections.newSubscriptionType("C3");
        var settled = collections.customer(type, "30.00");
        var stillOwing = collections.customer(type, "30.00");
        for (var customer : List.of(settled, stillOwing)) {
            var deactivated = api.post("billing", "/api/subscriptions/" + customer.subscriptionId() + "/deactivate",
                    null);
            assertThat(deactivated.status()).as(deactivated.toString()).isBetween(200, 204);
            Await.until("deactivated", () -> collections.state(customer.subscriptionId()), "DEACTIVATED"::equals);
        }
        assertThat(api.post("agent", "/api/accounts/" + settled.accountId() + "/payments",
                "{\"amount\": 30.00, \"reference\": \"settles\"}").status()).isEqualTo(201);
        Await.until("settled on the read side", () -> collections.balance(settled.accountId()),
                balance -> balance.signum() == 0);
        String definitionId = collections.define("""
                {"name":"Reactivation","kind":"REACTIVATION","hoursSinceBalanceChanged":0,
                 "subscriptionTypes":["%s"],"batchSize":100,
                 "recurrence":{"frequency":"DAILY","at":"04:00"}}""".formatted(type));

        JsonNode run = collections.completed(collections.runNow(definitionId, null));
        assertThat(run.get("kind").asText()).isEqualTo("REACTIVATION");
        assertThat(run.get("matched").asInt()).isEqualTo(1);
        assertThat(run.get("acted").asInt()).isEqualTo(1);
        Await.until("reactivated", () -> collections.state(settled.subscriptionId()), "EFFECTIVE"::equals);
        assertThat(collections.state(stillOwing.subscriptionId())).isEqualTo("DEACTIVATED");
        // the provisioning saga asked the provider to activate the service again, and the provider acknowledged
        Await.until("provisioning told of the reactivation", () -> jdbc.queryForList("""
                select r.state from provisioning_request r
                where r.subscription_id = ? and r.operation = 'ACTIVATE'
                  and r.event_sequence = (select max(sequence_number) from domain_event_entry
                                          where aggregate_identifier = ?
                                            and payload_type like '%SubscriptionReactivated')""", String.class,
                settled.subscriptionId(), settled.subscriptionId()), states -> states.contains("ACKNOWLEDGED"));
    }

    /**
     * Read per subscription, the amount condition counts only what a subscription's own bills leave unpaid: of an
     * account's two subscriptions billed in January, the one whose bill was paid stays effective while the other,
     * overdue for months, is deactivated (read per account, the account's overdue bill would have taken both). Their
     * scheme bills per subscription: on one bill per account there would be no bill of each to pay or leave unpaid.
     */
    @Test
    void perSubscriptionOnlyTheSubscriptionWhoseOwnBillIsOverdueIsDeactivated() {
        String scheme = collections.schemeBillingPerSubscription("C1S");
        String type = collections.newSubscriptionType("C1S", scheme);
        String accountId = api.openAccount("Annual", "Payer", "5000.00");
        String paidUp = subscribe(accountId, type, scheme);
        String overdue = subscribe(accountId, type, scheme);
        var started = api.post("billing", "/api/bill-runs", """
                {"billingDate":"2026-01-01","subscriptionTypeCode":"%s"}""".formatted(type));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        // the run's two bills; each subscription's start-up fee is a bill of its own too, left out here
        JsonNode bills = Await.until("both January bills", () -> BillLists.withoutEventChargeBills(api.get("reporter",
                "/api/accounts/" + accountId + "/bills?size=10").json()), json -> json.path("content").size() == 2);
        JsonNode paidBill = billOf(bills, paidUp);
        BigDecimal overdueTotal = Amounts.of(billOf(bills, overdue).get("total"));
        assertThat(overdueTotal.signum()).isPositive();
        assertThat(api.post("agent", "/api/accounts/" + accountId + "/payments", """
                {"amount": "%s", "billId": "%s"}""".formatted(Amounts.of(paidBill.get("total")).toPlainString(),
                paidBill.get("billId").asText())).status()).isEqualTo(201);
        // the open items the run reads are the ones the overdue figures read: once only the other bill is overdue
        Await.until("only the unpaid bill overdue", () -> api.get("reporter", "/api/accounts/" + accountId).json(),
                account -> account.hasNonNull("overdueAmount")
                        && Amounts.of(account.get("overdueAmount")).compareTo(overdueTotal) == 0);
        String definitionId = collections.define("""
                {"name":"Per subscription","kind":"DEACTIVATION","amountAbove":{"amount":"1.00","currency":"EUR"},
                 "dueDaysAgo":10,"amountBasis":"SUBSCRIPTION","subscriptionTypes":["%s"],"batchSize":10}"""
                .formatted(type));

        JsonNode run = collections.completed(collections.runNow(definitionId, null));

        assertThat(run.get("matched").asInt()).isEqualTo(1);
        assertThat(run.get("acted").asInt()).isEqualTo(1);
        Await.until("deactivated", () -> collections.state(overdue), "DEACTIVATED"::equals);
        // the run is complete and never selected the paid-up one: nothing of its can still be under way
        assertThat(deactivations(paidUp)).isZero();
        assertThat(collections.state(paidUp)).isEqualTo("EFFECTIVE");
    }

    /**
     * The same on one bill per account: the bill's two sections bill the two subscriptions, and a payment of the
     * first section's subtotal, naming the bill, settles the first section (sections are settled in section order,
     * {@code SectionsOpen}); read per subscription, only the subscription of the section left unpaid is deactivated
     * (read per account, the account's overdue bill would have taken both).
     */
    @Test
    void perSubscriptionOnABillPerAccountOnlyTheSubscriptionOfTheUnpaidSectionIsDeactivated() {
        String scheme = collections.schemeBillingPerAccount("C1A");
        String type = collections.newSubscriptionType("C1A", scheme);
        String accountId = api.openAccount("Triple", "Payer", "5000.00");
        subscribe(accountId, type, scheme);
        subscribe(accountId, type, scheme);
        var started = api.post("billing", "/api/bill-runs", """
                {"billingDate":"2026-01-01","subscriptionTypeCode":"%s"}""".formatted(type));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        // the run's one bill; each subscription's start-up fee is a bill of its own too, left out here
        JsonNode bills = Await.until("the January bill", () -> BillLists.withoutEventChargeBills(api.get("reporter",
                "/api/accounts/" + accountId + "/bills?size=10").json()), json -> json.path("content").size() == 1);
        String billId = bills.get("content").get(0).get("billId").asText();
        JsonNode sections = api.get("reporter", "/api/bills/" + billId).json().get("sections");
        assertThat(sections).hasSize(2);
        String paidUp = sections.get(0).get("subscriptionId").asText();
        String unpaid = sections.get(1).get("subscriptionId").asText();
        BigDecimal firstSubtotal = Amounts.of(sections.get(0).get("subtotal"));
        BigDecimal secondSubtotal = Amounts.of(sections.get(1).get("subtotal"));
        assertThat(firstSubtotal.signum()).isPositive();
        assertThat(secondSubtotal).isGreaterThan(BigDecimal.ONE);
        Instant beforePayment = ledgerClock.instant();
        assertThat(api.post("agent", "/api/accounts/" + accountId + "/payments", """
                {"amount": "%s", "billId": "%s"}""".formatted(firstSubtotal.toPlainString(), billId)).status())
                .isEqualTo(201);
        // what the run reads: each section's open part, once the payment is allocated
        Await.until("the first section paid, the second open", () -> jdbc.queryForList("""
                select subscription_id || ' ' || open_amount from receivable_open_item_section
                where account_id = ? and item_id = ? order by section_no""", String.class, accountId, billId),
                rows -> rows.equals(List.of(paidUp + " " + new BigDecimal("0").setScale(4),
                        unpaid + " " + secondSubtotal.setScale(4))));
        // what each subscription has overdue (its start-up fee, a bill of its own, is not due yet), now (the
        // sections above) and as it stood before the payment (the account's events then, the bill's own sections)
        Map<String, BigDecimal> now = overdueBySubscription(accountId, null);
        assertThat(now.getOrDefault(paidUp, BigDecimal.ZERO)).as(now.toString()).isZero();
        assertThat(now.get(unpaid)).as(now.toString()).isEqualByComparingTo(secondSubtotal);
        Map<String, BigDecimal> then = overdueBySubscription(accountId, beforePayment);
        assertThat(then.get(paidUp)).as(then.toString()).isEqualByComparingTo(firstSubtotal);
        assertThat(then.get(unpaid)).as(then.toString()).isEqualByComparingTo(secondSubtotal);
        String definitionId = collections.define("""
                {"name":"Per subscription","kind":"DEACTIVATION","amountAbove":{"amount":"1.00","currency":"EUR"},
                 "dueDaysAgo":10,"amountBasis":"SUBSCRIPTION","subscriptionTypes":["%s"],"batchSize":10}"""
                .formatted(type));

        JsonNode run = collections.completed(collections.runNow(definitionId, null));

        assertThat(run.get("matched").asInt()).as(run.toString()).isEqualTo(1);
        assertThat(run.get("acted").asInt()).isEqualTo(1);
        Await.until("deactivated", () -> collections.state(unpaid), "DEACTIVATED"::equals);
        // the run is complete and never selected the paid-up one: nothing of its can still be under way
        assertThat(deactivations(paidUp)).isZero();
        assertThat(collections.state(paidUp)).isEqualTo("EFFECTIVE");
    }

    /** Each subscription's overdue amount on its own bill sections, now or at {@code asOf}. */
    private Map<String, BigDecimal> overdueBySubscription(String accountId, Instant asOf) {
        var response = api.get("reporter", "/api/accounts/" + accountId + "/receivables/subscriptions"
                + (asOf == null ? "" : "?asOf=" + asOf));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, BigDecimal> overdue = new java.util.HashMap<>();
        response.json().forEach(subscription -> overdue.put(subscription.get("subscriptionId").asText(),
                Amounts.of(subscription.get("overdue"))));
        return overdue;
    }

    private String subscribe(String accountId, String type, String scheme) {
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"%s","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PLATINUM","distributorIds":["STB-1"]}]}"""
                .formatted(accountId, type, scheme));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String subscriptionId = created.json().get("subscriptionId").asText();
        Await.until("the subscription effective", () -> collections.state(subscriptionId), "EFFECTIVE"::equals);
        return subscriptionId;
    }

    private static JsonNode billOf(JsonNode bills, String subscriptionId) {
        for (JsonNode bill : bills.get("content")) {
            if (bill.get("subscriptionId").asText().equals(subscriptionId)) {
                return bill;
            }
        }
        throw new AssertionError("no bill of " + subscriptionId + " in " + bills);
    }

    @Test
    void aDefinitionThatCannotBeUsedIsRefusedAndRecordsNothing() {
        var refused = api.post("billing", "/api/collections/run-definitions", """
                {"name":"Nothing","kind":"DEACTIVATION","batchSize":0}""");
        assertProblem(refused, 400, "VALIDATION_FAILED", "batchSize");
        assertThat(recordedBy(refused)).isZero();
        assertProblem(api.post("billing", "/api/collections/run-definitions/no-such/run-now", null), 404,
                "RUN_DEFINITION_NOT_FOUND", null);
        assertProblem(api.get("reporter", "/api/collections/runs/no-such"), 404, "COLLECTION_RUN_NOT_FOUND", null);
        assertThat(api.post("agent", "/api/collections/run-definitions", """
                {"name":"Bad creditors","kind":"DEACTIVATION","creditRating":"CAA","batchSize":10}""").status())
                .isEqualTo(403);
    }

    long deactivations(String subscriptionId) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%SubscriptionDeactivated'""", Long.class,
                subscriptionId);
    }

    /** Until each customer's open items leave {@code owes} unpaid, as the runs' selection reads them. */
    private void awaitOpenItems(List<CollectionRuns.Customer> customers, String owes) {
        for (var customer : customers) {
            Await.until("the open items of " + customer.accountId(), () -> jdbc.queryForObject("""
                    select coalesce(sum(open_amount), 0) from receivable_open_item where account_id = ?""",
                    BigDecimal.class, customer.accountId()), open -> open.compareTo(new BigDecimal(owes)) == 0);
        }
    }
}
