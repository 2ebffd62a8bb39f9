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
import java.util.Set;
import java.util.TreeMap;

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

    /**
     * The server's settings, {@code ledger.embedded-postgres.settings.*} over them. Beyond durability: PostgreSQL's
     * stock {@code shared_buffers} (128 MB) and {@code max_wal_size} (1 GB) are sized for a small machine, and an
     * event store outgrows them in one bill run: seeding and billing 100,000 subscriptions write about 2.7 GB of WAL,
     * so with 1 GB a checkpoint came every half gigabyte or so, each followed by full-page images of every page
     * written again. That cost grows faster than what is written, so a run writing a third more (bills with
     * discounts) paid more than a third more (issue 12, docs/benchmarks.md). PostgreSQL takes the 512 MB of buffers
     * only as it uses them; 4 GB is the WAL it may keep between checkpoints (recycled afterwards, down to
     * {@code min_wal_size}), and the most a crash recovery replays.
     */
    static final Map<String, String> SERVER_SETTINGS = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on",
            "max_connections", "200",
            "timezone", "UTC",
            "password_encryption", "scram-sha-256",
            "shared_buffers", "512MB",
            "max_wal_size", "4GB");

    private static final Set<String> DURABILITY = Set.of("fsync", "synchronous_commit", "full_page_writes");

    @Bean(destroyMethod = "close")
    public EmbeddedPostgresServer embeddedPostgres(EmbeddedPostgresProperties properties) {
        return new EmbeddedPostgresServer(properties, serverSettings(properties.settings()));
    }

    /** The ledger's settings with the configured ones over them; the durability settings stay on. */
    static Map<String, String> serverSettings(Map<String, String> configured) {
        var settings = new TreeMap<>(SERVER_SETTINGS);
        configured.forEach((name, value) -> {
            if (DURABILITY.contains(name) && !durable(name, value)) {
                throw new IllegalStateException("ledger.embedded-postgres.settings." + name + "=" + value
                        + ": the embedded PostgreSQL keeps " + name + " on, or a crash could lose committed events");
            }
            settings.put(name, value);
        });
        return settings;
    }

    /**
     * Whether the value keeps the durability setting on, in any of PostgreSQL's spellings of a true boolean
     * ({@code on}, {@code true}, {@code yes}, {@code 1}, and the unambiguous prefixes of {@code true} and
     * {@code yes}); for {@code synchronous_commit} also {@code local}, {@code remote_write} and
     * {@code remote_apply}, which flush the WAL locally before a commit returns as {@code on} does (the embedded
     * server has no standby).
     */
    static boolean durable(String name, String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        boolean on = v.equals("on") || v.equals("1") || (!v.isEmpty() && ("true".startsWith(v) || "yes".startsWith(v)));
        return on || (name.equals("synchronous_commit") && Set.of("local", "remote_write", "remote_apply").contains(v));
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
