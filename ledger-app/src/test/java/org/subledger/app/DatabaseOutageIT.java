package org.subledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.subledger.platform.db.EmbeddedPostgresServer;
import org.subledger.platform.db.PostgresCluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL killed under a running ledger: requests are refused quickly with {@code 503 DATABASE_UNAVAILABLE} and
 * {@code Retry-After} (never a 500 after 30 s), the embedded server is started again, an external one is reported
 * not ready until it is back, and in both cases the ledger recovers by itself with nothing lost.
 */
class DatabaseOutageIT {

    static Path dataDir(String name) {
        return Path.of("target", "it-postgres", name + "-" + UUID.randomUUID());
    }

    static void assertDatabaseUnavailable(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(Integer.parseInt(response.header("Retry-After"))).isPositive();
    }

    /** The request is repeated with one Idempotency-Key until the database takes it: it is charged once. */
    static void chargeOnce(Api api, String id, String amount) {
        String key = "outage-" + UUID.randomUUID();
        Await.until("the charge accepted", Duration.ofSeconds(60),
                () -> api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": " + amount + "}",
                        Map.of("Idempotency-Key", key)),
                response -> {
                    if (response.status() != 201) {
                        assertDatabaseUnavailable(response);
                    }
                    return response.status() == 201;
                });
    }

    @Test
    void aKilledEmbeddedPostgresIsStartedAgainAndTheLedgerRecoversWithoutARestart() {
        try (var ledger = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.embedded-postgres.data-dir=" + dataDir("outage"),
                "--ledger.embedded-postgres.port=0", "--server.port=0")) {
            var api = RestartIT.api(ledger);
            var postgres = ledger.getBean(EmbeddedPostgresServer.class);
            String id = api.openAccount("Outage", "Customer", "100");
            chargeOnce(api, id, "30.00");
            Await.until("balance 30.00", () -> RestartIT.balance(api, id), "30.00"::equals);

            long killed = postgres.cluster().postmasterPid();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();

            // meanwhile every request is answered, or refused with a 503 that says when to retry: never a 500
            List<Api.Response> seen = new ArrayList<>();
            Await.until("PostgreSQL started again and serving the ledger", Duration.ofSeconds(90), () -> {
                var response = api.get("reporter", "/api/accounts/" + id);
                seen.add(response);
                return postgres.cluster().postmasterPid() != killed && response.status() == 200;
            }, Boolean::booleanValue);
            seen.stream().filter(response -> response.status() != 200)
                    .forEach(DatabaseOutageIT::assertDatabaseUnavailable);

            assertThat(RestartIT.balance(api, id)).isEqualTo("30.00");
            chargeOnce(api, id, "5.00");
            Await.until("the projections resumed: balance 35.00", Duration.ofSeconds(90),
                    () -> RestartIT.balance(api, id), "35.00"::equals);
            Await.until("ready again", () -> api.get(null, "/actuator/health/readiness").status(),
                    status -> status == 200);
        }
    }

    @Test
    void anExternalPostgresGoneMakesTheLedgerNotReadyAndRefuseWith503UntilItIsBack() {
        try (var external = PostgresCluster.open(dataDir("external"), 0, Map.of())) {
            external.start();
            try (var ledger = startOn(external)) {
                var api = RestartIT.api(ledger);
                String id = api.openAccount("External", "Customer", "100");
                chargeOnce(api, id, "30.00");
                Await.until("balance 30.00", () -> RestartIT.balance(api, id), "30.00"::equals);

                ProcessHandle.of(external.postmasterPid()).orElseThrow().destroyForcibly();

                Await.until("readiness DOWN", Duration.ofSeconds(15),
                        () -> api.get(null, "/actuator/health/readiness").status(), status -> status == 503);
                long started = System.nanoTime();
                assertDatabaseUnavailable(api.get("reporter", "/api/accounts/" + id));
                assertDatabaseUnavailable(api.post("agent", "/api/accounts/" + id + "/charges",
                        "{\"amount\": 1.00}", Map.of("Idempotency-Key", "during-outage-" + id)));
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));

                // old backends may hold the killed server's shared memory for a moment
                Await.until("the external PostgreSQL back", Duration.ofSeconds(60), () -> {
                    try {
                        external.start();
                        return true;
                    } catch (RuntimeException stillHeld) {
                        return false;
                    }
                }, Boolean::booleanValue);
                Await.until("ready again", Duration.ofSeconds(60),
                        () -> api.get(null, "/actuator/health/readiness").status(), status -> status == 200);
                assertThat(RestartIT.balance(api, id)).isEqualTo("30.00");
                chargeOnce(api, id, "5.00");
                Await.until("the projections resumed: balance 35.00", Duration.ofSeconds(90),
                        () -> RestartIT.balance(api, id), "35.00"::equals);
            }
        }
    }

    static ConfigurableApplicationContext startOn(PostgresCluster external) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--spring.datasource.url=" + external.jdbcUrl(),
                "--spring.datasource.username=" + external.ledgerRole().name(),
                "--spring.datasource.password=" + external.ledgerRole().password(),
                "--ledger.security.demo-users=true",
                "--server.port=0");
    }
}
