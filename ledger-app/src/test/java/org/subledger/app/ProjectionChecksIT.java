package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * Projections proven equal to history, on a ledger of its own that ran the demo (customers, subscriptions, usage, a
 * job and a bill run): every projection rebuilt from the events into the scratch schema equals the live one; one
 * read-model row altered by SQL is named, on both sides; the same from the command line once the ledger is stopped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionChecksIT {

    private static final Path DATA_DIR = Path.of("target", "it-postgres", "checks-" + UUID.randomUUID());
    private static ConfigurableApplicationContext ledger;
    private static Api api;
    private static String altered;
    /** The demo's first customer: billed by the demo's bill run and for the start of its subscription, then left. */
    private static String settled;

    @BeforeAll
    static void startAndRunTheDemo() {
        ledger = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.embedded-postgres.data-dir=" + DATA_DIR, "--ledger.embedded-postgres.port=0",
                "--server.port=0");
        api = RestartIT.api(ledger);
        var demo = api.post("admin", "/api/demo", "{}");
        assertThat(demo.status()).as(demo.toString()).isEqualTo(200);
        String run = demo.json().get("billRun").asText();
        settled = demo.json().get("customers").get(0).get("accountId").asText();
        Await.until("the demo's bill run", () -> api.get("reporter", run).json().path("status").asText(),
                "COMPLETED"::equals);
        // and the saga's bill for the start of that customer's subscription (a start-up fee), which may come later
        Await.until("the demo's first customer's two bills", () -> api.get("reporter", "/api/accounts/" + settled
                + "/bills").json().path("content"), content -> content.size() == 2);
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    @Order(1)
    void everyProjectionRebuiltFromTheEventsEqualsTheLiveOneAndAnAlteredRowIsNamed() {
        assertThat(ok(api.get("auditor", "/api/audit/projection-checks"))).extracting(JsonNode::asText)
                .contains("account-summary", "billing-projections", "subscription-services");
        // the demo's sagas may still be posting: a check while events arrive is inconclusive, so wait for a quiet one
        JsonNode equal = Await.until("the projections checked on a quiet ledger", java.time.Duration.ofMinutes(3),
                () -> ok(api.post("auditor", "/api/audit/projection-checks", "{\"projections\":[\"all\"]}")),
                report -> !report.get("outcome").asText().equals("INCONCLUSIVE"));
        assertThat(equal.get("outcome").asText()).as(equal.toPrettyString()).isEqualTo("EQUAL");
        assertThat(equal.get("eventsReplayed").asLong()).isPositive();
        assertThat(equal.get("projections")).hasSizeGreaterThanOrEqualTo(13)
                .allSatisfy(projection -> assertThat(projection.get("equal").asBoolean()).isTrue());
        JsonNode bills = projection(equal, "billing-projections");
        assertThat(table(bills, "bill").get("liveRows").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(table(bills, "bill_line").get("rebuiltRows").asLong())
                .isEqualTo(table(bills, "bill_line").get("liveRows").asLong());

        // an account the demo's processes are done with: the demo's job, the subscription it orders and the
        // prepaid usage go on being billed and posted after the run completed, and a bill posted to the altered
        // account after the update would write its balance over it
        var jdbc = ledger.getBean(JdbcTemplate.class);
        altered = settled;
        assertThat(jdbc.update("update account_summary set balance = balance + 1 where account_id = ?", altered))
                .isEqualTo(1);

        JsonNode different = ok(api.post("auditor", "/api/audit/projection-checks",
                "{\"projections\":[\"account-summary\",\"account-statement\"]}"));
        assertThat(different.get("outcome").asText()).isEqualTo("DIFFERENT");
        assertThat(projection(different, "account-statement").get("equal").asBoolean()).isTrue();
        JsonNode summary = projection(different, "account-summary");
        assertThat(summary.get("equal").asBoolean()).isFalse();
        JsonNode table = table(summary, "account_summary");
        assertThat(table.get("liveRows").asLong()).isEqualTo(table.get("rebuiltRows").asLong());
        assertThat(table.get("liveChecksum").asText()).isNotEqualTo(table.get("rebuiltChecksum").asText());
        assertThat(table.get("onlyLive")).singleElement().satisfies(row -> assertThat(row.asText()).contains(altered));
        assertThat(table.get("onlyRebuilt")).singleElement()
                .satisfies(row -> assertThat(row.asText()).contains(altered));

        assertProblem(api.post("auditor", "/api/audit/projection-checks", "{\"projections\":[\"no-such\"]}"), 400,
                "VALIDATION_FAILED", "projections");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add("\"account-summary\"");
        }
        assertProblem(api.post("auditor", "/api/audit/projection-checks", "{\"projections\":["
                + String.join(",", tooMany) + "]}"), 400, "VALIDATION_FAILED", null);
        assertThat(api.post("agent", "/api/audit/projection-checks", "{}").status()).isEqualTo(403);
        assertThat(api.get("reporter", "/api/accounts/" + altered).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void theCommandLineChecksTheStoppedLedgersDatabaseAndNamesTheAlteredRow() {
        assertThat(altered).as("the first test altered a row").isNotNull();
        ledger.close();
        ledger = null;
        var output = new ByteArrayOutputStream();
        int status = ProjectionCheckCommand.run(new String[]{"--ledger.embedded-postgres.data-dir=" + DATA_DIR,
                "--ledger.embedded-postgres.port=0", "--projections=account-summary"},
                new PrintStream(output, true, StandardCharsets.UTF_8));

        String report = output.toString(StandardCharsets.UTF_8);
        assertThat(status).as(report).isEqualTo(1);
        assertThat(report).contains("DIFFERENT", "account-summary: DIFFERENT", "table account_summary",
                "only live:", "only rebuilt:", altered);
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode projection(JsonNode report, String name) {
        for (JsonNode projection : report.get("projections")) {
            if (projection.get("name").asText().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + name + " in " + report);
    }

    private static JsonNode table(JsonNode projection, String name) {
        for (JsonNode table : projection.get("tables")) {
            if (table.get("table").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + projection);
    }
}
