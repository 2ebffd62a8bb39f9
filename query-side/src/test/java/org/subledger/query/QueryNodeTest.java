package org.subledger.query;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * Base of the query API tests: one query node on one embedded PostgreSQL for all of them, started once, fed with
 * events appended straight to its event store. A context per class cost a start each (PostgreSQL, Flyway, Axon;
 * 14–42 s each on the loaded machine) and kept all of them running to the end of the module's tests. The classes
 * append streams of different kinds with ids of their own, and the catalog's exact listings read entries only its
 * own test appends. Declared here and only here: the context cache tells contexts apart by their
 * {@code @DynamicPropertySource} methods.
 */
@SpringBootTest(classes = QuerySideApplication.class)
@AutoConfigureMockMvc
public abstract class QueryNodeTest {

    private static final String DATA_DIR = "target/pg-" + UUID.randomUUID();

    @DynamicPropertySource
    static void embeddedPostgres(DynamicPropertyRegistry registry) {
        registry.add("ledger.embedded-postgres.data-dir", () -> DATA_DIR);
        registry.add("ledger.embedded-postgres.port", () -> "0");
    }
}
