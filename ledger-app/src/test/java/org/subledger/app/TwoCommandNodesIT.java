package org.subledger.app;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.subledger.command.CommandSideApplication;
import org.subledger.platform.axon.CountingRetryScheduler;
import org.subledger.platform.db.EmbeddedPostgresServer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command nodes on one PostgreSQL, each with its own aggregate cache: payments to one account through both land,
 * because an append that collides on (aggregate id, sequence number) surfaces as a concurrency conflict (SQLState
 * 23505) that the gateway retries on fresh state, instead of failing as an event-store error.
 */
class TwoCommandNodesIT extends LedgerIT {

    static ConfigurableApplicationContext secondNode;

    @Autowired
    EmbeddedPostgresServer postgres;

    @Autowired
    MeterRegistry meters;

    Api nodeB;

    @BeforeEach
    void startSecondNode() {
        if (secondNode == null) {
            var cluster = postgres.cluster();
            secondNode = new SpringApplicationBuilder(CommandSideApplication.class).run(
                    "--spring.datasource.url=" + cluster.jdbcUrl(),
                    "--spring.datasource.username=" + cluster.ledgerRole().name(),
                    "--spring.datasource.password=" + cluster.ledgerRole().password(),
                    "--ledger.security.demo-users=true",
                    "--server.port=0");
        }
        nodeB = new Api(((WebServerApplicationContext) secondNode).getWebServer().getPort());
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
    }

    double retries(MeterRegistry registry) {
        var counter = registry.find(CountingRetryScheduler.METRIC).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void alternatingNodesConflictAndRetryWithoutLosingAPayment() {
        String id = api.openAccount("Shared", "Customer", "500");
        double before = retries(meters) + retries(secondNode.getBean(MeterRegistry.class));
        api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 100.00}");
        for (int i = 0; i < 6; i++) {
            Api node = i % 2 == 0 ? nodeB : api;
            assertThat(node.post("agent", "/api/accounts/" + id + "/payments", "{\"amount\": 1.00}").status())
                    .isEqualTo(201);
        }
        double after = retries(meters) + retries(secondNode.getBean(MeterRegistry.class));

        assertThat(after - before).as("conflicts retried").isGreaterThan(0);
        // opening, the charge, and each payment with its allocation to the charge
        assertThat(eventCount(id)).isEqualTo(2 + 6 * 2);
        assertContiguousSequence(id);
    }

    @Test
    void concurrentPaymentsThroughBothNodesAllLandWithTheRightBalance() throws Exception {
        String id = api.openAccount("Busy", "Customer", "500");
        api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 100.00}");
        var pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Api node = i % 2 == 0 ? nodeB : api;
            results.add(pool.submit((Callable<Integer>) () ->
                    node.post("agent", "/api/accounts/" + id + "/payments", "{\"amount\": 2.50}").status()));
        }
        for (var result : results) {
            assertThat(result.get()).isEqualTo(201);
        }
        pool.shutdown();

        // opening, the charge, and each payment with its allocation to the charge
        assertThat(eventCount(id)).isEqualTo(2 + 24 * 2);
        assertContiguousSequence(id);
        var account = Await.until("balance 40.00", () -> api.get("reporter", "/api/accounts/" + id),
                response -> response.status() == 200 && Amounts.of(response.json().get("balance"))
                        .compareTo(new BigDecimal("40.00")) == 0);
        assertThat(account.json().get("status").asText()).isEqualTo("UNSETTLED");
    }

    void assertContiguousSequence(String id) {
        List<Long> sequence = jdbc.queryForList("""
                select sequence_number from domain_event_entry where aggregate_identifier = ?
                order by sequence_number""", Long.class, id);
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo(i);
        }
    }
}
