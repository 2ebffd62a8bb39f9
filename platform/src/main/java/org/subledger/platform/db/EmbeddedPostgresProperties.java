package org.subledger.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded PostgreSQL started when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the cluster lives; kept across restarts so the ledger forgets nothing
 * @param port    0 picks a free port
 * @param reportingPassword the password of {@code ledger_reporting}, the role that reads the reporting views;
 *                          generated and kept in {@code ledger_reporting.pgpass} when not set
 * @param settings   server settings over the ledger's ({@code ledger.embedded-postgres.settings.shared_buffers=1GB});
 *                   the durability settings ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes})
 *                   cannot be switched off here
 */
@ConfigurationProperties("ledger.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDir, Integer port, String reportingPassword,
                                         Map<String, String> settings) {

    public EmbeddedPostgresProperties {
        if (dataDir == null) {
            dataDir = Path.of("data", "postgres");
        }
        if (port == null) {
            port = 0;
        }
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
