package org.subledger.app;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.platform.axon.ProcessorTopology;
import org.subledger.platform.axon.ProjectionMetricsInterceptor;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping and starting the ledger on the same data directory loses nothing, and the projections resume from their
 * stored tokens instead of handling the whole history again.
 */
class RestartIT {

    final Path dataDir = Path.of("target", "it-postgres", "restart-" + UUID.randomUUID());

    ConfigurableApplicationContext start() {
        // command-line arguments: they outrank application.yml (builder properties are only defaults)
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.embedded-postgres.data-dir=" + dataDir,
                "--ledger.embedded-postgres.port=0",
                "--server.port=0");
    }

    static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static String balance(Api api, String id) {
        var response = api.get("reporter", "/api/accounts/" + id);
        return response.status() == 200
                ? Amounts.of(response.json().get("balance")).setScale(2).toPlainString()
                : "none";
    }

    static long head(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject(
                "select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
    }

    /** Waits until every segment of the processor has handled the store up to its head; returns that head. */
    static long awaitCaughtUp(ConfigurableApplicationContext context, String processor) {
        long head = head(context);
        var streaming = (StreamingEventProcessor) context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(processor).orElseThrow();
        int segments = context.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from token_entry where processor_name = ?", Integer.class, processor);
        Await.until(processor + " at global index " + head, streaming::processingStatus, status ->
                status.size() == segments && status.values().stream().allMatch(segment ->
                        segment.getCurrentPosition().orElse(-1) >= head));
        return head;
    }

    static double handled(ConfigurableApplicationContext context, String processor) {
        var counter = context.getBean(MeterRegistry.class).find(ProjectionMetricsInterceptor.METRIC)
                .tag("processor", processor).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theBalanceSurvivesARestartAndProjectionsResumeFromTheirTokens() {
        String id;
        long headBefore;
        try (var first = start()) {
            var api = api(first);
            id = api.openAccount("Restart", "Customer", "100");
            api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 30.00}");
            api.post("agent", "/api/accounts/" + id + "/payments", "{\"amount\": 10.00}");
            Await.until("balance 20.00 before the restart", () -> balance(api, id), "20.00"::equals);
            Await.until("statement projected", () -> api.get("reporter", "/api/accounts/" + id + "/statement"),
                    response -> response.status() == 200 && response.json().path("content").size() == 2);
            headBefore = awaitCaughtUp(first, first.getBean(ProcessorTopology.class).processorOf("account-summary"));
        }

        try (var second = start()) {
            var api = api(second);
            assertThat(balance(api, id)).isEqualTo("20.00");
            assertThat(api.get("auditor", "/api/audit/accounts/" + id + "/events").body()).contains("PaymentRecorded");

            api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 5.00}");
            Await.until("balance 25.00 after the restart", () -> balance(api, id), "25.00"::equals);
            Await.until("statement of 3 lines", () -> api.get("reporter", "/api/accounts/" + id + "/statement"),
                    response -> response.status() == 200 && response.json().path("content").size() == 3);
            // the history before the restart was not replayed: the read models' processor, which both groups share,
            // handled the new charge and at most the other events stored since the restart (counter read first)
            var topology = second.getBean(ProcessorTopology.class);
            assertThat(topology.processorOf("account-summary")).isEqualTo(topology.processorOf("account-statement"));
            double handled = handled(second, topology.processorOf("account-summary"));
            long storedSince = head(second) - headBefore;
            assertThat(handled).isGreaterThanOrEqualTo(1.0).isLessThanOrEqualTo(storedSince);
        }
    }
}
