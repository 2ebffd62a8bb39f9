package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * A sandbox's test clock (issue 16): a node started with {@code ledger.clock.adjustable=true} lets an administrator
 * move its business date forward, so a subscription created today is billed for next month without a restart or a
 * wait; the clock never goes back, only administrators move it, and a node without the setting refuses (that case:
 * {@code OperationsIT}).
 * <p>
 * Not {@code TestClockIT}: surefire takes every {@code Test*} class for a unit test, so under that name this test
 * started a ledger of its own twice per build, once in {@code test} and again in {@code integration-test}.
 */
class SandboxClockIT {

    private ConfigurableApplicationContext ledger;

    @AfterEach
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void anAdministratorMovesTheBusinessDateForwardAndTheSubscriptionBillsAsItWouldNextMonth() {
        ledger = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.embedded-postgres.data-dir=" + Path.of("target", "it-postgres", "clock-" + UUID.randomUUID()),
                "--ledger.embedded-postgres.port=0", "--server.port=0", "--ledger.clock.adjustable=true");
        var api = RestartIT.api(ledger);
        JsonNode clock = api.get("admin", "/api/admin/clock").json();
        assertThat(clock.get("adjustable").asBoolean()).isTrue();
        LocalDate today = LocalDate.parse(clock.get("today").asText());

        assertThat(api.post("admin", "/api/catalog/sample", "{}").status()).isEqualTo(200);
        String account = api.openAccount("Sandbox", "Customer", "5000.00");
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"PLATINUM",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PLATINUM","distributorIds":["STB-1"]}]}""".formatted(account));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        // only forward, only administrators, and nothing far-fetched
        assertProblem(api.put("admin", "/api/admin/clock", "{\"today\":\"" + today.minusDays(1) + "\"}"), 409,
                "CLOCK_CANNOT_GO_BACK", "today");
        assertThat(api.put("billing", "/api/admin/clock", "{\"today\":\"" + today.plusMonths(1) + "\"}").status())
                .isEqualTo(403);
        assertProblem(api.put("admin", "/api/admin/clock", "{\"today\":\"" + today.plusYears(51) + "\"}"), 400,
                "VALIDATION_FAILED", "today");

        LocalDate nextMonth = today.plusMonths(1);
        JsonNode moved = api.put("admin", "/api/admin/clock", "{\"today\":\"" + nextMonth + "\"}").json();
        assertThat(moved.get("today").asText()).isEqualTo(nextMonth.toString());
        assertThat(api.get("reporter", "/api/admin/clock").status()).isEqualTo(403);

        // a bill run on the new date bills the month that has come; its events bear the new time
        var run = api.post("billing", "/api/bill-runs", "{\"billingDate\":\"" + nextMonth + "\"}");
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        Await.until("the run completed", () -> api.get("reporter", "/api/bill-runs/"
                + run.json().get("runId").asText()).json(), json -> "COMPLETED".equals(json.path("status").asText()));
        JsonNode bills = Await.until("the bills", () -> BillLists.withoutEventChargeBills(
                api.get("reporter", "/api/accounts/" + account + "/bills")
                .json()).path("content"), content -> content.size() >= 1);
        assertThat(bills.findValuesAsText("issuedOn")).contains(nextMonth.toString());
        assertThat(Amounts.of(bills.get(0).get("total"))).as(bills.toString()).isPositive();
        assertThat(LocalDate.parse(bills.get(0).get("issuedAt").asText().substring(0, 10))).isEqualTo(nextMonth);
    }
}
