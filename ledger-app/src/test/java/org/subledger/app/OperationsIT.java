package org.subledger.app;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.subledger.platform.axon.NothingDispatched;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.money.Money;

import java.util.Currency;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators rely on: health, metrics, the API document, and failed events kept rather than dropped. */
class OperationsIT extends LedgerIT {

    @Autowired
    EventStore eventStore;

    @Autowired
    ApplicationContext context;

    @Autowired
    org.axonframework.config.Configuration axon;

    @Test
    void healthIncludesTheDatabaseAndIsOpenToProbes() {
        var health = api.get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        // other tests of this context leave dead letters (the probe's never heal): a status of its own, still 200
        assertThat(health.json().get("status").asText()).isIn("UP", "DEAD_LETTERS");
        assertThat(health.json().has("components")).as("details are for administrators").isFalse();
        var details = api.get("admin", "/actuator/health");
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(details.json().at("/components/eventProcessors/status").asText()).isEqualTo("UP");
        assertThat(api.get(null, "/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void theTestClockIsRefusedUnlessTheNodeRunsWithAnAdjustableClock() {
        var clock = api.get("admin", "/api/admin/clock");
        assertThat(clock.status()).isEqualTo(200);
        assertThat(clock.json().get("adjustable").asBoolean()).isFalse();
        AccountsIT.assertProblem(api.put("admin", "/api/admin/clock", "{\"today\":\"2999-01-01\"}"), 409,
                "CLOCK_NOT_ADJUSTABLE", null);
        assertThat(api.put("agent", "/api/admin/clock", "{\"today\":\"2999-01-01\"}").status()).isEqualTo(403);
    }

    @Test
    void prometheusMetricsShowTheLedgersOwnCounters() {
        api.openAccount("Metrics", "Customer", "10");
        var metrics = Await.until("projection counters", () -> api.get("admin", "/actuator/prometheus"),
                response -> response.body().contains("ledger_events_handled_total"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(api.get("agent", "/actuator/prometheus").status()).isEqualTo(403);
        // every request timed under its endpoint's pattern, with Spring Boot's tags (RequestTimerFilter); one refused
        // before it reached an endpoint (the 403 above) under "UNKNOWN", as Boot's own observation does
        var requests = Await.until("the requests timed", () -> api.get("admin", "/actuator/prometheus"),
                response -> timed(response.body(), "method=\"POST\"", "uri=\"/api/accounts\"",
                        "outcome=\"SUCCESS\"", "exception=\"none\"")
                        && timed(response.body(), "status=\"403\"", "outcome=\"CLIENT_ERROR\""));
        assertThat(requests.body()).doesNotContain("uri=\"/api/accounts/Metrics");
        assertThat(context.containsBean("webMvcObservationFilter")).as("Boot's own request observation, which would"
                + " count every request a second time in the same timer").isFalse();
    }

    /** Whether a line of http_server_requests_seconds_count carries all the tags. */
    private static boolean timed(String metrics, String... tags) {
        return metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                && java.util.Arrays.stream(tags).allMatch(line::contains));
    }

    @Test
    void onlyProcessorsThatSendNothingAreSparedCorrelationData() {
        var processing = axon.eventProcessingConfiguration();
        assertThat(processing.eventProcessor("read-models").orElseThrow().getHandlerInterceptors())
                .contains(NothingDispatched.INSTANCE);
        // the business counters and the webhook enqueuer run in the read models' processor, not one of their own
        for (String group : new String[]{"ledger-metrics", "webhooks"}) {
            assertThat(processing.eventProcessor(group)).as(group).isEmpty();
            assertThat(processing.eventProcessorByProcessingGroup(group).orElseThrow().getName()).as(group)
                    .isEqualTo("read-models");
        }
        // the command side's process managers share a processor too (one fetch of each event for all of them);
        // provisioning's dispatch, which waits on the providers, keeps its own
        for (String group : new String[]{"bill-runs", "collection-runs", "usage-billing", "wallet-payments",
                "job-billing"}) {
            assertThat(processing.eventProcessor(group)).as(group).isEmpty();
            assertThat(processing.eventProcessorByProcessingGroup(group).orElseThrow().getName()).as(group)
                    .isEqualTo("process-managers");
        }
        assertThat(processing.eventProcessorByProcessingGroup("provisioning-dispatch").orElseThrow().getName())
                .isEqualTo("provisioning-dispatch");
        // the sagas and process managers send commands, which must carry the principal and the correlation
        assertThat(processing.eventProcessors()).containsKey("process-managers");
        processing.eventProcessors().forEach((name, processor) -> {
            if (!name.equals("read-models")) {
                assertThat(processor.getHandlerInterceptors()).as(name).doesNotContain(NothingDispatched.INSTANCE);
            }
        });
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        var document = api.apiDocs("reporter");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").has("/api/accounts")).isTrue();
        assertThat(document.json().get("paths").has("/api/accounts/{accountId}/charges")).isTrue();
    }

    @Test
    void anEventAProjectionFailsOnIsParkedInItsDeadLetterQueue() {
        String id = "poison-" + UUID.randomUUID();
        publishPoison(eventStore, id);

        Await.until("a dead letter for " + id, () -> jdbc.queryForObject("""
                select count(*) from dead_letter_entry where processing_group = ? and aggregate_identifier = ?""",
                Long.class, DeadLetterProbe.GROUP, id), count -> count == 1);
        // the other projections handled the same event normally
        Await.until("the account projected", () -> api.get("reporter", "/api/accounts/" + id).status(),
                status -> status == 200);
        String cause = jdbc.queryForObject("select cause_message from dead_letter_entry where aggregate_identifier = ?",
                String.class, id);
        assertThat(cause).contains("cannot handle");
    }

    /** Opens an account straight in the event store with an id the {@link DeadLetterProbe} fails on. */
    static void publishPoison(EventStore eventStore, String id) {
        eventStore.publish(new GenericDomainEventMessage<>("Account", id, 0, new AccountOpened(id,
                CustomerType.PERSON, new PersonDetails("Poison", "Pill", null), null, ContactDetails.none(),
                Currency.getInstance("EUR"), Money.of("10", "EUR"), null, "RESIDENTIAL", "agent")));
    }
}
