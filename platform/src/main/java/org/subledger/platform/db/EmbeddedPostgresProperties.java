package org.subledger.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL started when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the cluster lives; kept across restarts so the ledger forgets nothing
 * @param port    0 picks a free port
 * @param reportingPassword the password of {@code ledger_reporting}, the role that reads the reporting views;
 *                          generated and kept in {@code ledger_reporting.pgpass} when not set
 */
@ConfigurationProperties("ledger.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDir, Integer port, String reportingPassword) {

    public EmbeddedPostgresProperties {
        if (dataDir == null) {
            dataDir = Path.of("data", "postgres");
        }
        if (port == null) {
            port = 0;
        }
    }
}
