package org.subledger.projection;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * Base of the projection tests on the real wiring: one Spring context and one embedded PostgreSQL for all of them,
 * started once. A context costs 7–20 s to start (PostgreSQL, Flyway, Axon) and a cached one keeps running until the
 * JVM ends; with a context per class the module's seven classes spent about two of their two and a half minutes
 * starting contexts. The tests share the store safely because every test appends the streams of aggregates of its own
 * (random ids) and reads back only the rows of those; whole-table checks read tables that only that class's processors
 * write. Declared here and only here: the context cache tells contexts apart by the {@code @DynamicPropertySource}
 * methods, so a copy of this method in a test class would start a context of its own again.
 */
@SpringBootTest(classes = ProjectionsTestApplication.class)
public abstract class ProjectionWiringTest {

    private static final String DATA_DIR = "target/pg-" + UUID.randomUUID();

    @DynamicPropertySource
    static void embeddedPostgres(DynamicPropertyRegistry registry) {
        registry.add("ledger.embedded-postgres.data-dir", () -> DATA_DIR);
        registry.add("ledger.embedded-postgres.port", () -> "0");
    }
}
