package org.subledger.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;
import org.subledger.platform.axon.LedgerSchemas;
import org.subledger.platform.axon.PostgresDuplicateKeyResolver;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On real PostgreSQL: a transaction in which a statement failed and the failure was caught is aborted, and its
 * commit would roll everything back while reporting success. The ledger's transaction manager fails that commit.
 */
class FailedTransactionRefusingTransactionManagerTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcTemplate jdbc;
    private static FailedTransactionRefusingTransactionManager transactionManager;

    @BeforeAll
    static void database() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of("target", "failed-transaction-pg", "data"))
                .setCleanDataDirectory(true).start();
        dataSource = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V1_001__axon.sql"),
                StandardCharsets.UTF_8));
        jdbc.execute("create table lines (id int primary key, text varchar(40) not null)");
        transactionManager = new FailedTransactionRefusingTransactionManager(dataSource);
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void empty() {
        jdbc.execute("truncate lines, snapshot_event_entry");
    }

    @Test
    void aTransactionWithoutFailureCommits() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.update("insert into lines values (1, 'one')");
            jdbc.update("insert into lines values (2, 'two')");
        });

        assertThat(jdbc.queryForList("select id from lines order by id", Integer.class)).containsExactly(1, 2);
    }

    @Test
    void aTransactionWhoseFailedStatementWasIgnoredFailsToCommitAndLeavesNothing() {
        jdbc.update("insert into lines values (1, 'before')");

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.update("insert into lines values (2, 'written')");
            try {
                jdbc.update("insert into lines values (1, 'duplicate')");
            } catch (DataAccessException ignored) {
                // carried on, as Axon does for a snapshot that already exists
            }
        })).isInstanceOf(TransactionSystemException.class).hasMessageContaining("aborted");

        assertThat(jdbc.queryForList("select id from lines order by id", Integer.class)).containsExactly(1);
        // the connection went back to the pool usable
        new TransactionTemplate(transactionManager).executeWithoutResult(
                status -> jdbc.update("insert into lines values (3, 'after')"));
        assertThat(jdbc.queryForList("select id from lines order by id", Integer.class)).containsExactly(1, 3);
    }

    /** The case that lost usage records: Axon's JDBC store ignores a snapshot that already exists. */
    @Test
    void aSnapshotStoredTwiceInOneUnitOfWorkFailsItsCommit() {
        var axonTransactions = new SpringTransactionManager(transactionManager);
        var storage = JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .persistenceExceptionResolver(new PostgresDuplicateKeyResolver())
                .transactionManager(axonTransactions)
                .dataType(String.class)
                .schema(LedgerSchemas.events())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .build();
        var snapshot = new GenericDomainEventMessage<>("Thing", "thing-1", 7, Map.of("state", "seven"));

        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(axonTransactions);
        try {
            jdbc.update("insert into lines values (1, 'written in the same transaction')");
            storage.storeSnapshot(snapshot);
            storage.storeSnapshot(snapshot); // the duplicate key is ignored by the store, not by PostgreSQL
        } catch (RuntimeException unexpected) {
            unitOfWork.rollback(unexpected);
            throw unexpected;
        }

        assertThatThrownBy(unitOfWork::commit).isInstanceOf(TransactionSystemException.class);
        assertThat(jdbc.queryForObject("select count(*) from lines", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry", Integer.class)).isZero();
    }
}
