package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.platform.db.EmbeddedPostgresServer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a bill run records when it cannot bill a subscription. A business refusal (the price plan has no rate for a
 * service) is the fact {@code SubscriptionBillingFailed}, recorded once, and again only after the subscription changed.
 * A defect of the ledger (here an exception the rating engine throws on a charge no command would ever accept) is no
 * business fact: nothing is recorded on the subscription, the run lists it as a technical failure for operators, and
 * the subscription stays due, so the next run tries it again. Each test bills a subscription type of its own.
 */
class BillingFailuresIT extends LedgerIT {

    @Autowired
    EmbeddedPostgresServer postgres;

    String type;
    String product;

    @BeforeEach
    void catalog() {
        loadSampleCatalog();
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // a termed service with no rate in any price plan: billing it is refused
        product = "NO-RATE-" + suffix;
        var created = api.post("admin", "/api/catalog/products", """
                {"code": "%s", "description": "Not priced yet", "productTypeCode": "TV-PACKAGE",
                 "brand": "AluxSat", "family": "Packages", "categories": ["TV"], "taxRatePercent": 19,
                 "providerProductIds": {"NAGRA": "NML-%s"}}""".formatted(product, suffix));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        type = "BF-" + suffix;
        created = api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Billing failures", "allowedBillingTermSchemes": ["RESIDENTIAL"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": ["GOLD", "REPAIRS", "%s"]}""".formatted(type,
                product));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void aRefusalIsRecordedOnceAndAgainOnlyAfterTheSubscriptionChanged() {
        String subscription = subscribe(product);

        String first = run("2026-01-01");
        assertThat(failures(subscription)).as("first run").hasSize(1);
        assertThat(failures(subscription).get(0)).containsEntry("code", "CATALOG_ENTRY_NOT_FOUND")
                .containsEntry("run", first);
        assertThat(completed(first)).containsEntry("failed", "1").containsEntry("billed", "0");

        String second = run("2026-01-02");
        assertThat(completed(second)).as("still not billed").containsEntry("failed", "1");
        assertThat(failures(subscription)).as("nothing changed: not recorded again").hasSize(1);

        var added = api.post("agent", "/api/subscriptions/" + subscription + "/services", """
                {"productCode":"GOLD","distributorIds":["STB-1"],"actionDate":"2026-01-02"}""");
        assertThat(added.status()).as(added.toString()).isBetween(200, 202);
        run("2026-01-03");
        assertThat(failures(subscription)).as("the subscription changed: recorded again").hasSize(2);
    }

    @Test
    void aDefectIsATechnicalFailureOfTheRunNotABusinessFact() throws java.sql.SQLException {
        String subscription = subscribe("GOLD");
        var charged = api.post("agent", "/api/subscriptions/" + subscription + "/one-off-charges", """
                {"chargeId":"%s","productCode":"REPAIRS","units":2,"chargedOn":"2026-01-01"}"""
                .formatted(UUID.randomUUID()));
        assertThat(charged.status()).as(charged.toString()).isBetween(200, 201);
        // a defect: an event no command accepts (negative units), as a bug could have written it; the rating engine
        // throws IllegalArgumentException on it. The event table is append-only: only a superuser, switching the
        // trigger off for its session, can rewrite an event
        try (var superuser = postgres.cluster().connect(postgres.cluster().superuser());
             var statement = superuser.prepareStatement("""
                     update domain_event_entry set payload = jsonb_set(payload::jsonb, '{units}', '-2')::text
                     where aggregate_identifier = ? and payload_type like '%OneOffChargeAdded'""")) {
            superuser.createStatement().execute("set session_replication_role = replica");
            statement.setString(1, subscription);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }

        String runId = run("2026-01-01");
        assertThat(completed(runId)).containsEntry("failed", "1").containsEntry("billed", "0");
        assertThat(failures(subscription)).as("no business event").isEmpty();
        JsonNode technical = api.get("billing", "/api/bill-runs/" + runId + "/execution").json()
                .get("technicalFailures");
        assertThat(technical).hasSize(1);
        assertThat(technical.get(0).get("subscriptionId").asText()).isEqualTo(subscription);
        assertThat(technical.get(0).get("error").asText()).isEqualTo(IllegalArgumentException.class.getName());

        String again = run("2026-01-02");
        assertThat(api.get("billing", "/api/bill-runs/" + again + "/execution").json().get("technicalFailures"))
                .as("still due: tried again by the next run").hasSize(1);
        assertThat(failures(subscription)).isEmpty();
    }

    private String subscribe(String productCode) {
        String account = api.openAccount("Failing", "Customer", "5000.00");
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"%s","distributorIds":["STB-1"]}]}""".formatted(account, type,
                productCode));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("subscriptionId").asText();
    }

    private String run(String billingDate) {
        var started = api.post("billing", "/api/bill-runs", """
                {"billingDate":"%s","subscriptionTypeCode":"%s"}""".formatted(billingDate, type));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String runId = started.json().get("runId").asText();
        Await.until("run " + runId + " completed", () -> jdbc.queryForList(
                "select status from bill_run_execution where run_id = ?", String.class, runId),
                status -> status.equals(List.of("COMPLETED")));
        return runId;
    }

    private Map<String, Object> completed(String runId) {
        return jdbc.queryForMap("""
                select payload::jsonb ->> 'billed' as billed, payload::jsonb ->> 'failed' as failed
                from domain_event_entry where aggregate_identifier = ? and payload_type like '%BillRunCompleted'""",
                runId);
    }

    private List<Map<String, Object>> failures(String subscription) {
        return jdbc.queryForList("""
                select payload::jsonb ->> 'errorCode' as code, payload::jsonb ->> 'runId' as run
                from domain_event_entry where aggregate_identifier = ? and payload_type like '%SubscriptionBillingFailed'
                order by sequence_number""", subscription);
    }
}
