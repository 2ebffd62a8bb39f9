package org.subledger.platform.audit;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.subledger.platform.axon.AxonStorageAutoConfiguration;
import org.subledger.platform.db.EmbeddedPostgresServer;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;

/** The hash chain over the event table, its digest log and verification (README "Tamper evidence"). */
@AutoConfiguration(after = {AxonStorageAutoConfiguration.class, FlywayAutoConfiguration.class})
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

    @Bean
    public AuditChainer auditChainer(JdbcTemplate jdbc, TransactionTemplate transactions, AuditProperties properties) {
        return new AuditChainer(jdbc, transactions, properties.chain());
    }

    @Bean
    public ChainVerifier chainVerifier(DataSource dataSource) {
        return new ChainVerifier(dataSource);
    }

    @Bean
    public DigestLog digestLog(JdbcTemplate jdbc, AuditChainer chainer, AuditProperties properties,
                               ObjectProvider<EmbeddedPostgresServer> embedded, ObjectProvider<Clock> clock) {
        Path file = properties.digest().file();
        if (file == null) {
            var server = embedded.getIfAvailable();
            file = (server != null ? server.cluster().dataDir() : Path.of("data")).resolve("audit-digests.log");
        } else if (file.toString().equals("none")) {
            file = null;
        }
        return new DigestLog(jdbc, chainer, file, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    public DigestSchedule digestSchedule(DigestLog digests, AuditProperties properties) {
        return new DigestSchedule(digests, properties.digest().interval());
    }

    /**
     * Says so at start when the ledger's own role owns the event table (an external database whose DBA has not handed
     * it to the maintenance role): the append-only trigger then holds against mistakes, not against this role.
     */
    @Bean
    SmartInitializingSingleton eventTableOwnershipCheck(JdbcTemplate jdbc) {
        return () -> {
            try {
                var owned = jdbc.queryForList("select 1 from pg_tables where schemaname = current_schema()"
                        + " and tablename = 'domain_event_entry' and tableowner = current_user", Integer.class);
                if (!owned.isEmpty()) {
                    LoggerFactory.getLogger(AuditAutoConfiguration.class).warn("The event table is owned by the"
                            + " ledger's own database role, which could lift its append-only trigger: hand it to"
                            + " ledger_maintenance (README, \"Tamper evidence\")");
                }
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(AuditAutoConfiguration.class).debug("event table owner not checked", e);
            }
        };
    }

    @Bean
    @ConditionalOnWebApplication
    public AuditController auditController(DigestLog digests, ChainVerifier verifier, JdbcTemplate jdbc) {
        return new AuditController(digests, verifier, jdbc);
    }
}
