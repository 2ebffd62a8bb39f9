package org.subledger.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReadyLineTest {

    @Test
    void theEmbeddedLedgerNamesItsUrlItsDataDirectoryAndTheDemoUsers() {
        var environment = new MockEnvironment().withProperty("ledger.embedded-postgres.data-dir", "data/postgres");
        assertThat(ReadyLine.line(environment, 8080))
                .startsWith("Ledger ready at http://localhost:8080 (API documentation "
                        + "http://localhost:8080/swagger-ui.html)")
                .contains("data in " + Path.of("data/postgres").toAbsolutePath() + " (embedded PostgreSQL)")
                .contains("demo users agent, supervisor, billing, admin, auditor, reporter, sales, installer"
                        + " (password demo)");
    }

    @Test
    void anExternalDatabaseIsNamedWithoutItsPasswordAndWithoutDemoUsers() {
        var environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/ledger?user=l&password=secret");
        assertThat(ReadyLine.line(environment, 9090))
                .contains("data in jdbc:postgresql://db:5432/ledger?user=l&password=***")
                .doesNotContain("secret").doesNotContain("demo users");
    }
}
