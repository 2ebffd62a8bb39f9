package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * The audit trails on the real ledger: every aggregate's events (accounts, subscriptions, jobs, catalog entries) come
 * paged, each with who, for which unit, why and through which request, and the state after it; an account's balance
 * comes as a series between two instants; bad paging and bad instants are refused as problem+json.
 */
class AuditTrailIT extends LedgerIT {

    String account;

    @BeforeEach
    void account() {
        loadSampleCatalog();
        account = api.openAccount("Audit", "Trail", "5000.00");
    }

    @Test
    void anAccountsEventsComePagedWithWhoWhyAndTheAccountAfterEach() {
        String key = "charge-" + UUID.randomUUID();
        var charged = api.post("agent", "/api/accounts/" + account + "/charges",
                "{\"amount\":30.00,\"description\":\"Gold package\"}", Map.of("Idempotency-Key", key));
        assertThat(charged.status()).as(charged.toString()).isBetween(200, 201);
        var paid = api.post("agent", "/api/accounts/" + account + "/payments",
                "{\"amount\":10.00,\"reference\":\"card 4242\"}");
        assertThat(paid.status()).as(paid.toString()).isBetween(200, 201);

        // opened, charged, paid, and the payment's allocation to the charge
        JsonNode first = ok(api.get("auditor", "/api/audit/accounts/" + account + "/events?page=0&size=2"));
        assertThat(first.get("totalElements").asLong()).isEqualTo(4);
        assertThat(first.get("totalPages").asLong()).isEqualTo(2);
        assertThat(first.get("events")).hasSize(2);
        JsonNode opened = first.get("events").get(0);
        assertThat(opened.get("type").asText()).isEqualTo("AccountOpened");
        assertThat(opened.get("principal").asText()).isEqualTo("agent");
        assertThat(opened.get("unit").asText()).isEqualTo("CUSTOMER-SERVICE");
        assertThat(opened.get("correlationId").asText()).isNotBlank();
        assertThat(decimal(opened.at("/stateAfter/balance/amount"))).isEqualByComparingTo("0.00");
        JsonNode charge = first.get("events").get(1);
        assertThat(charge.get("idempotencyKey").asText()).isEqualTo(key);
        assertThat(decimal(charge.at("/stateAfter/balance/amount"))).isEqualByComparingTo("30.00");

        JsonNode second = ok(api.get("auditor", "/api/audit/accounts/" + account + "/events?page=1&size=2"));
        assertThat(second.get("events")).hasSize(2);
        JsonNode payment = second.get("events").get(0);
        assertThat(payment.get("sequenceNumber").asLong()).isEqualTo(2);
        assertThat(decimal(payment.at("/stateAfter/balance/amount"))).isEqualByComparingTo("20.00");
        assertThat(second.get("events").get(1).get("type").asText()).isEqualTo("ReceivableAllocated");

        assertProblem(api.get("auditor", "/api/audit/accounts/" + account + "/events?size=0"), 400,
                "VALIDATION_FAILED", null);
        assertProblem(api.get("auditor", "/api/audit/accounts/" + account + "/events?size=501"), 400,
                "VALIDATION_FAILED", null);
        assertThat(api.get("agent", "/api/audit/accounts/" + account + "/events").status()).isEqualTo(403);
    }

    @Test
    void anAccountsBalanceHistoryIsASeriesBetweenTwoInstants() {
        assertThat(api.post("agent", "/api/accounts/" + account + "/charges",
                "{\"amount\":30.00,\"description\":\"Gold package\"}").status()).isBetween(200, 201);
        Instant afterCharge = timestampOf(1);
        assertThat(api.post("agent", "/api/accounts/" + account + "/payments",
                "{\"amount\":10.00,\"reference\":\"card 4242\"}").status()).isBetween(200, 201);
        assertThat(api.post("agent", "/api/accounts/" + account + "/charges",
                "{\"amount\":5.00,\"description\":\"Pay-per-view\"}").status()).isBetween(200, 201);
        Instant lastCharge = timestampOf(4); // 2: the payment, 3: its allocation to the first charge

        JsonNode all = ok(api.get("auditor", "/api/audit/accounts/" + account + "/balance-history"));
        assertThat(all.get("currency").asText()).isEqualTo("EUR");
        assertThat(all.get("points")).extracting(point -> point.get("type").asText() + " "
                        + decimal(point.get("balance")).setScale(2).toPlainString())
                .containsExactly("AccountOpened 0.00", "ChargePosted 30.00", "PaymentRecorded 20.00",
                        "ChargePosted 25.00");
        assertThat(all.get("points")).allSatisfy(point -> assertThat(point.get("eventId").asText()).isNotBlank());

        // from just after the first charge to the last: the balance before, then the payment and the last charge
        JsonNode window = ok(api.get("auditor", "/api/audit/accounts/" + account + "/balance-history?from="
                + afterCharge.plusNanos(1000) + "&to=" + lastCharge));
        assertThat(decimal(window.get("openingBalance"))).isEqualByComparingTo("30.00");
        assertThat(window.get("points")).extracting(point -> decimal(point.get("balance")).setScale(2)
                .toPlainString()).containsExactly("20.00", "25.00");

        assertProblem(api.get("auditor", "/api/audit/accounts/" + account + "/balance-history?from="
                + lastCharge + "&to=" + afterCharge), 400, "VALIDATION_FAILED", null);
        var malformed = api.get("auditor", "/api/audit/accounts/" + account + "/balance-history?from=yesterday");
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertProblem(api.get("auditor", "/api/audit/accounts/no-such-account/balance-history"), 404,
                "ACCOUNT_NOT_FOUND", null);
    }

    @Test
    void subscriptionJobAndCatalogTrailsShowTheStateAfterEachEvent() {
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}]}""".formatted(account));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String subscription = created.json().get("subscriptionId").asText();
        JsonNode trail = ok(api.get("auditor", "/api/audit/subscriptions/" + subscription + "/events"));
        JsonNode creation = trail.get("events").get(0);
        assertThat(creation.get("type").asText()).isEqualTo("SubscriptionCreated");
        assertThat(creation.at("/stateAfter/summary/state").asText()).isEqualTo("EFFECTIVE");
        assertThat(creation.at("/stateAfter/services/0/productCode").asText()).isEqualTo("GOLD");
        assertThat(creation.at("/stateAfter/distributors/0/distributorId").asText()).isEqualTo("STB-1");

        var job = api.post("agent", "/api/jobs", """
                {"accountId":"%s","jobTypeCode":"REPAIR","billingTermScheme":"RESIDENTIAL",
                 "expectedCompletion":"2026-03-01"}""".formatted(account));
        assertThat(job.status()).as(job.toString()).isEqualTo(201);
        String jobId = job.json().get("jobId").asText();
        assertThat(api.post("agent", "/api/jobs/" + jobId + "/cancel", "{\"reason\":\"not needed\"}").status())
                .isEqualTo(200);
        JsonNode jobTrail = ok(api.get("supervisor", "/api/audit/jobs/" + jobId + "/events"));
        assertThat(jobTrail.get("events")).extracting(event -> event.get("type").asText() + " "
                + event.at("/stateAfter/state").asText()).containsExactly("JobCreated PENDING", "JobCancelled CANCELLED");

        String plan = "AUDIT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(api.post("admin", "/api/catalog/price-plans", """
                {"code":"%s","name":"Audit plan","kind":"BASE","currency":"EUR"}""".formatted(plan)).status())
                .isEqualTo(201);
        var rate = api.post("admin", "/api/catalog/price-plans/" + plan + "/rates", """
                {"productCode": "GOLD", "classification": "TERMED_SERVICE", "effectiveFrom": "2026-01-01",
                 "rate": {"model": "FLAT", "basis": "QUANTITY", "baseAmount": {"amount": 20.00, "currency": "EUR"},
                          "levels": []}}""");
        assertThat(rate.status()).as(rate.toString()).isBetween(200, 201);
        JsonNode planTrail = ok(api.get("auditor", "/api/audit/catalog/price-plans/" + plan + "/events"));
        assertThat(planTrail.get("events")).hasSize(2);
        assertThat(planTrail.at("/events/0/stateAfter/definition/name").asText()).isEqualTo("Audit plan");
        assertThat(planTrail.at("/events/0/stateAfter/priceVersions")).isEmpty();
        assertThat(planTrail.at("/events/1/stateAfter/priceVersions/0/productCode").asText()).isEqualTo("GOLD");
        assertThat(planTrail.at("/events/1/principal").asText()).isEqualTo("admin");

        assertProblem(api.get("auditor", "/api/audit/catalog/price-plans/NO-SUCH-PLAN/events"), 404,
                "CATALOG_ENTRY_NOT_FOUND", null);
        assertThat(api.get("auditor", "/api/audit/catalog/no-such-kind/X/events").status()).isEqualTo(404);
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isObject() ? Amounts.of(node) : new BigDecimal(node.asText());
    }

    /** When the account's event with this sequence number was recorded, as the event store holds it. */
    private Instant timestampOf(long sequenceNumber) {
        return Instant.parse(jdbc.queryForObject("""
                select time_stamp from domain_event_entry where aggregate_identifier = ? and sequence_number = ?""",
                String.class, account, sequenceNumber));
    }
}
