package org.subledger.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the end-to-end tests: the whole ledger on a real embedded PostgreSQL in a fresh data directory, shared by
 * every test class that extends this one (one Spring context, started once).
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({DeadLetterProbe.class, SagaDeadLetterProbe.class})
@AutoConfigureObservability
abstract class LedgerIT {

    private static final ObjectMapper RECORDS = new ObjectMapper();
    static final Path DATA_DIR = Path.of("target", "it-postgres", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void embeddedPostgres(DynamicPropertyRegistry registry) {
        registry.add("ledger.embedded-postgres.data-dir", DATA_DIR::toString);
        registry.add("ledger.embedded-postgres.port", () -> 0);
        // tests retry dead letters themselves (DeadLettersIT calls the retrier), so no tick can race with them
        registry.add("ledger.dead-letters.retry-interval", () -> "P1D");
        // a saga's failing event is dead-lettered within a fraction of a second, not the production few seconds
        registry.add("ledger.sagas.retries", () -> 2);
        registry.add("ledger.sagas.first-back-off", () -> "50ms");
        // a usage bill failing on a defect is dead-lettered after 3 attempts a fraction of a second apart
        registry.add("ledger.usage-bills.attempts", () -> 3);
        registry.add("ledger.usage-bills.first-pause", () -> "50ms");
        registry.add("ledger.usage-bills.max-pause", () -> "200ms");
        registry.add("ledger.usage-bills.poll-interval", () -> "200ms");
        // webhook retries within a test's patience: 3 attempts, a fraction of a second apart
        registry.add("ledger.webhooks.poll-interval", () -> "100ms");
        registry.add("ledger.webhooks.initial-backoff", () -> "100ms");
        registry.add("ledger.webhooks.max-backoff", () -> "300ms");
        registry.add("ledger.webhooks.max-attempts", () -> 3);
        ScopedUsers.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock ledgerClock;

    Api api;

    /** Whether this JVM's shared ledger holds the sample catalog (its data directory is this class's, for the JVM). */
    private static volatile boolean sampleCatalogLoaded;

    /**
     * The sample catalog in the shared ledger, loaded by the first test that needs it. Loading it again records
     * nothing (CatalogIT and DiscountDefinitionsIT prove that by loading it again themselves) but sends every one of
     * its commands again: 1.3–3 s a reload with the 2 cores at load 17, and about 125 set-ups of a suite run asked for
     * it (most per test, in a {@code @BeforeEach}). No test changes a sample entry for good, so the catalog a later
     * test finds is the one a reload would have left.
     */
    void loadSampleCatalog() {
        if (!sampleCatalogLoaded) {
            var loaded = api.post("admin", "/api/catalog/sample", "{}");
            assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
            sampleCatalogLoaded = true;
        }
    }

    @BeforeEach
    void client() {
        // Axon stamps events by one JVM-wide clock that every ledger started sets to its own: a test that started
        // another ledger (its clock moved a day on) would leave this one's events dated by that clock
        GenericEventMessage.clock = ledgerClock;
        api = new Api(port);
    }

    /**
     * Events recorded because of these requests, directly or by the sagas they set off: all of them carry the
     * {@code X-Correlation-Id} the test sent as their client reference (the ledger's own correlation id is its own,
     * never the client's, so the client's id travels as {@code clientReference}). A refused request must have recorded none. Unlike a count over the whole store, this
     * cannot be disturbed by a saga of this or another test that is still posting.
     */
    long recordedBy(Api.Response... responses) {
        var ids = Arrays.stream(responses).map(Api.Response::correlationId).toArray();
        return jdbc.queryForObject("select count(*) from domain_event_entry where (meta_data::jsonb ->> '"
                        + LedgerMetadata.CLIENT_REFERENCE + "') in (" + String.join(",", Collections.nCopies(ids.length,
                        "?")) + ")", Long.class, ids);
    }

    /**
     * Events of one aggregate. Exact before/after only for an aggregate no saga can be writing to at that moment
     * (e.g. an account without subscriptions, or one whose saga postings the test has awaited).
     */
    long eventCount(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    /**
     * The usage records the subscription recorded, in the order stored, each as its {@code UsageRecorded}: the events
     * on its stream and its records in {@code UsageBatchRecorded} events (issue 17: a mediation batch is one event).
     */
    List<JsonNode> recordedUsage(String subscriptionId) {
        return jdbc.queryForList("""
                select record::text from (
                    select global_index, 0 as position, payload::jsonb as record from domain_event_entry
                    where aggregate_identifier = ? and payload_type = 'org.subledger.kernel.usage.UsageRecorded'
                    union all
                    select e.global_index, r.position, r.record from domain_event_entry e
                    cross join lateral jsonb_array_elements(e.payload::jsonb -> 'records')
                        with ordinality as r (record, position)
                    where e.payload_type = 'org.subledger.kernel.usage.UsageBatchRecorded'
                      and r.record ->> 'subscriptionId' = ?) usage
                order by global_index, position""", String.class, subscriptionId, subscriptionId)
                .stream().map(LedgerIT::json).toList();
    }

    static JsonNode json(String text) {
        try {
            return RECORDS.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
