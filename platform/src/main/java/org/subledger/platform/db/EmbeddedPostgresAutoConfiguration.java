package org.subledger.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Starts a real PostgreSQL 17 inside the process when no {@code spring.datasource.url} is set. Its data directory
 * survives restarts, and durability is switched back on: the library turns {@code fsync} and
 * {@code synchronous_commit} off by default, which would let a crash lose committed events.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(NoDatasourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        var dataDir = properties.dataDir().toAbsolutePath();
        Files.createDirectories(dataDir);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // stopped by the context (destroy method below), after everything using it: the library's own JVM
                // shutdown hook ran alongside Spring's and stopped PostgreSQL under the closing event processors,
                // whose last token updates then waited out the pool's 30 s connection time-out
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC");
        if (properties.port() != 0) {
            builder.setPort(properties.port());
        }
        var postgres = builder.start();
        log.info("Embedded PostgreSQL running on port {} with data directory {}", postgres.getPort(), dataDir);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres postgres) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort()
                + "/postgres?reWriteBatchedInserts=true");
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setMaximumPoolSize(32);
        dataSource.setPoolName("ledger");
        return dataSource;
    }
}
