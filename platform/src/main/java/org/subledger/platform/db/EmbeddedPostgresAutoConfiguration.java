package org.subledger.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import java.sql.SQLException;
import java.util.Map;

/**
 * Runs a real PostgreSQL 17 beside the ledger when no {@code spring.datasource.url} is set. Its data directory
 * survives restarts, and durability is switched back on: zonky's defaults turn {@code fsync} and
 * {@code synchronous_commit} off, which would let a crash lose committed events. See {@link PostgresCluster} for how
 * it is kept to its own data directory, and {@link EmbeddedPostgresServer} for how it comes back when it dies.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(NoDatasourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    static final Map<String, String> SERVER_SETTINGS = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on",
            "max_connections", "200",
            "timezone", "UTC",
            "password_encryption", "scram-sha-256");

    @Bean(destroyMethod = "close")
    public EmbeddedPostgresServer embeddedPostgres(EmbeddedPostgresProperties properties) {
        return new EmbeddedPostgresServer(properties, SERVER_SETTINGS);
    }

    /** Logs in as the ledger's own role, which owns its schema and is not a superuser. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
        var cluster = postgres.cluster();
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(cluster.jdbcUrl() + "?reWriteBatchedInserts=true");
        dataSource.setUsername(cluster.ledgerRole().name());
        dataSource.setPassword(cluster.ledgerRole().password());
        dataSource.setMaximumPoolSize(32);
        dataSource.setPoolName("ledger");
        return dataSource;
    }

    /**
     * Migrations run as the ledger's role, which therefore owns the event table while they run; the superuser hands
     * it to the maintenance role afterwards ({@link EventTableGuard}), also when nothing was pending.
     */
    @Bean
    public FlywayMigrationStrategy appendOnlyEventTable(EmbeddedPostgresServer postgres) {
        return flyway -> {
            var cluster = postgres.cluster();
            try (var superuser = cluster.connect(cluster.superuser())) {
                if (flyway.info().pending().length > 0) {
                    EventTableGuard.release(superuser, cluster.ledgerRole().name());
                }
                flyway.migrate();
                EventTableGuard.protect(superuser, cluster.ledgerRole().name());
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot keep the event table append-only", e);
            }
        };
    }

    /** DOWN from the moment the server process ends until it serves again: no connection attempt needed to know. */
    @Bean
    public HealthIndicator embeddedPostgresHealthIndicator(EmbeddedPostgresServer postgres) {
        return () -> {
            var health = postgres.isRunning() ? Health.up() : Health.down();
            health.withDetail("port", postgres.port());
            if (!postgres.isRunning() && postgres.lastFailure() != null) {
                health.withDetail("restart", postgres.lastFailure());
            }
            return health.build();
        };
    }
}
