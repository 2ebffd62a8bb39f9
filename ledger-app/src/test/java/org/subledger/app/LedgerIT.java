package org.subledger.app;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Base of the end-to-end tests: the whole ledger on a real embedded PostgreSQL in a fresh data directory, shared by
 * every test class that extends this one (one Spring context, started once).
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({DeadLetterProbe.class, SagaDeadLetterProbe.class, SagaDeadLetterProbe.Wiring.class})
@AutoConfigureObservability
abstract class LedgerIT {

    static final Path DATA_DIR = Path.of("target", "it-postgres", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void embeddedPostgres(DynamicPropertyRegistry registry) {
        registry.add("ledger.embedded-postgres.data-dir", DATA_DIR::toString);
        registry.add("ledger.embedded-postgres.port", () -> 0);
        // tests retry dead letters themselves (DeadLettersIT calls the retrier), so no tick can race with them
        registry.add("ledger.dead-letters.retry-interval", () -> "P1D");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /**
     * Events of the business aggregates: provisioning requests are left out, they are recorded asynchronously by the
     * provisioning saga of any subscription of any test and would make a before/after count race.
     */
    long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier not like ?",
                Long.class, "provisioning:%");
    }

    long eventCount(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
    }
}
