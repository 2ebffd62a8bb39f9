package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator watches: {@code GET /api/bill-runs} lists the runs newest first with their progress, who started
 * them and how long they took, and {@code /actuator/prometheus} carries the ledger's signals once a charge has been
 * posted and a bill run has billed.
 */
class OperatorSignalsIT extends LedgerIT {

    private String type;

    @BeforeEach
    void catalog() {
        loadSampleCatalog();
        type = "OS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Operator signals test", "allowedBillingTermSchemes": ["RESIDENTIAL"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": ["PLATINUM", "START-UP-FEE"]}""".formatted(type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void billRunsAreListedNewestFirstWithProgressStarterAndDuration() {
        String account = api.openAccount("Run", "Lister", "5000.00");
        subscribe(account);
        String first = completedRun("2026-01-01");
        String second = completedRun("2026-02-01");

        var response = api.get("reporter", "/api/bill-runs?size=500");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode page = response.json();

        List<JsonNode> runs = new ArrayList<>();
        page.get("content").forEach(runs::add);
        assertThat(runs).extracting(run -> run.get("runId").asText()).containsSubsequence(second, first);
        assertThat(runs).extracting(run -> Instant.parse(run.get("startedAt").asText()))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode run = runs.stream().filter(r -> r.get("runId").asText().equals(second)).findFirst().orElseThrow();
        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.get("startedBy").asText()).isEqualTo("billing");
        assertThat(run.get("billed").asLong()).isEqualTo(1);
        assertThat(run.get("failed").asLong()).isZero();
        assertThat(run.get("subscriptionsTotal").asLong()).isEqualTo(1);
        assertThat(run.get("durationSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(run.get("estimatedSecondsLeft").isNull()).isTrue();
        assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        AccountsIT.assertProblem(api.get("reporter", "/api/bill-runs?size=0"), 400, "VALIDATION_FAILED", null);
    }

    @Test
    void prometheusCarriesTheLedgersSignalsAfterAChargeAndABillRun() {
        String account = api.openAccount("Metrics", "Watcher", "5000.00");
        assertThat(api.post("agent", "/api/accounts/" + account + "/charges",
                "{\"amount\": 3.00, \"description\": \"Metered\"}").status()).isEqualTo(201);
        subscribe(account);
        completedRun("2026-01-01");

        String scrape = Await.until("bill metrics on the scrape", () -> api.get("admin", "/actuator/prometheus")
                .body(), body -> body.contains("ledger_bills_issued_total{currency=\"EUR\",kind=\"RUN\"")
                && body.contains("ledger_bill_runs_duration_seconds_count"));

        assertThat(scrape).contains(
                "ledger_commands_seconds_count{command=\"PostCharge\",outcome=\"success\"",
                "ledger_bill_runs_started_total",
                "ledger_bill_runs_completed_total",
                "ledger_bill_runs_running",
                "ledger_bill_runs_subscriptions_total{outcome=\"billed\"",
                "ledger_bill_runs_subscriptions_total{outcome=\"failed\"",
                "ledger_billing_failures_total",
                "ledger_bills_amount_total{currency=\"EUR\",direction=\"billed\"",
                "ledger_usage_records_total",
                "ledger_usage_bills_waiting{state=\"new\"",
                "ledger_usage_bills_waiting{state=\"retrying\"",
                "ledger_projection_lag{group=\"billing-projections\"",
                "ledger_dead_letters{group=",
                "ledger_saga_failures_total{outcome=\"dead_lettered\",saga=",
                "ledger_scheduler_tasks{state=\"due\"",
                "ledger_scheduler_tasks{state=\"waiting\"");
    }

    private void subscribe(String accountId) {
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PLATINUM","distributorIds":["STB-1"]}]}""".formatted(accountId, type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private String completedRun(String billingDate) {
        var started = api.post("billing", "/api/bill-runs", """
                {"billingDate":"%s","subscriptionTypeCode":"%s"}""".formatted(billingDate, type));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String runId = started.json().get("runId").asText();
        Await.until("bill run " + runId, () -> api.get("reporter", "/api/bill-runs/" + runId),
                response -> response.status() == 200 && response.json().get("status").asText().equals("COMPLETED")
                        && response.json().get("billed").asLong() + response.json().get("failed").asLong()
                        + response.json().get("skipped").asLong()
                        == response.json().get("subscriptionsTotal").asLong());
        return runId;
    }
}
