package org.subledger.platform.deadletter;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.subledger.kernel.processing.EventIsolation;
import org.subledger.platform.axon.LedgerSchemas;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The isolation of a failing event on real PostgreSQL, in the unit of work and transaction a pooled streaming
 * processor gives a batch: a statement that fails aborts the transaction, so the first attempt of the batch fails
 * whole; the second handles each event in a savepoint, dead-letters the faulty one and commits the rest.
 */
class EventIsolationTest {

    private static final String PROCESSOR = "amounts";

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcTemplate jdbc;
    private static SpringTransactionManager transactions;

    private ProcessingFailures failures;
    private DeadLetteringEventHandlerInvoker invoker;

    /** A projection writing straight to its table, amounts of at most 999.99. */
    record Amount(String account, BigDecimal value) {
    }

    static class AmountProjection {
        @EventHandler
        void on(Amount amount) {
            jdbc.update("insert into amounts (account, value) values (?, ?)", amount.account(), amount.value());
        }
    }

    @BeforeAll
    static void database() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of("target", "isolation-pg", "data"))
                .setCleanDataDirectory(true).start();
        dataSource = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V1_001__axon.sql"),
                StandardCharsets.UTF_8));
        jdbc.execute("create table amounts (account varchar(40) not null, value numeric(5, 2) not null)");
        jdbc.execute("create table ledger_lines (account varchar(40) not null, value numeric(12, 2) not null)");
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void processor() {
        jdbc.execute("truncate amounts, dead_letter_entry");
        failures = new ProcessingFailures(Clock.systemUTC());
        invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(new AmountProjection())
                .queue(queue(PROCESSOR))
                .enqueuePolicy(new IsolatingEnqueuePolicy())
                .transactionManager(transactions)
                .build();
        invoker.registerHandlerInterceptor(interceptor(true));
    }

    @Test
    void theFirstAttemptFailsWholeAndTheSecondDeadLettersOnlyTheFaultyEvent() {
        var batch = List.of(event(1, "a", "10.00"), event(2, "b", "100000.00"), event(3, "c", "20.00"),
                event(4, "b", "1.00"));

        assertThat(runBatch(batch, interceptor(true))).as("first attempt committed").isFalse();
        assertThat(failures.isFailing(PROCESSOR, 0)).isTrue();
        assertThat(rows()).isEmpty();

        assertThat(runBatch(batch, interceptor(true))).as("isolated attempt committed").isTrue();
        assertThat(failures.isFailing(PROCESSOR, 0)).isFalse();
        assertThat(rows()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "10.00", "c", "20.00"));
        var letters = jdbc.queryForList("""
                select sequence_identifier, cause_message from dead_letter_entry order by sequence_index""");
        assertThat(letters).hasSize(2).allMatch(letter -> letter.get("sequence_identifier").equals("b"));
        assertThat((String) letters.get(0).get("cause_message")).contains("numeric field overflow");
        assertThat(letters.get(1).get("cause_message")).as("queued behind the first").isNull();
    }

    /** A second group, writing every amount to a table that takes any, beside the failing one in one processor. */
    static class LedgerLineProjection {
        @EventHandler
        void on(Amount amount) {
            jdbc.update("insert into ledger_lines (account, value) values (?, ?)", amount.account(), amount.value());
        }
    }

    @Test
    void aGroupThatSharesTheProcessorKeepsWhatItWroteForTheEventAnotherGroupDeadLetters() {
        jdbc.execute("truncate ledger_lines");
        var lines = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(new LedgerLineProjection())
                .queue(queue("ledger-lines"))
                .enqueuePolicy(new IsolatingEnqueuePolicy())
                .transactionManager(transactions)
                .build();
        // the lines first: the failing group comes after a group that already wrote the event
        var shared = GroupSavepoints.perGroup(new MultiEventHandlerInvoker(lines, invoker),
                new EventSavepoints(dataSource));
        var batch = List.of(event(1, "a", "10.00"), event(2, "b", "100000.00"), event(3, "c", "20.00"));

        assertThat(runBatch(batch, interceptor(true), shared)).as("first attempt committed").isFalse();
        assertThat(lines()).isEmpty();
        assertThat(runBatch(batch, interceptor(true), shared)).as("isolated attempt committed").isTrue();

        assertThat(rows()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "10.00", "c", "20.00"));
        assertThat(lines()).as("the other group handled every event, the failing one included")
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", "10.00", "b", "100000.00", "c", "20.00"));
        assertThat(jdbc.queryForList("select processing_group, sequence_identifier from dead_letter_entry"))
                .singleElement().satisfies(letter -> {
                    assertThat(letter.get("processing_group")).isEqualTo(PROCESSOR);
                    assertThat(letter.get("sequence_identifier")).isEqualTo("b");
                });
    }

    @Test
    void aGroupWithoutDeadLetterQueueIsNeverIsolatedSoItsFailurePropagates() {
        var batch = List.of(event(1, "a", "10.00"), event(2, "b", "100000.00"));

        assertThat(runBatch(batch, interceptor(false))).isFalse();
        assertThat(runBatch(batch, interceptor(false))).isFalse();

        assertThat(rows()).isEmpty();
        assertThat(failures.current()).singleElement().satisfies(failure -> {
            assertThat(failure.attempts()).isEqualTo(2);
            assertThat(failure.cause()).contains("numeric field overflow");
        });
    }

    @Test
    void aRetriedLetterThatStillFailsIsRequeuedWithItsCauseAndHandledOnceFixed() {
        var batch = List.of(event(1, "b", "100000.00"), event(2, "b", "1.00"));
        runBatch(batch, interceptor(true));
        runBatch(batch, interceptor(true));
        assertThat(jdbc.queryForObject("select count(*) from dead_letter_entry", Long.class)).isEqualTo(2);
        String enqueued = firstLetter().get("last_touched").toString();

        assertThat(invoker.processAny()).as("still failing").isFalse();
        assertThat(jdbc.queryForObject("select count(*) from dead_letter_entry", Long.class)).isEqualTo(2);
        var requeued = firstLetter();
        assertThat(requeued.get("last_touched").toString()).isNotEqualTo(enqueued);
        assertThat((String) requeued.get("cause_message")).contains("numeric field overflow");

        jdbc.execute("alter table amounts alter column value type numeric(12, 2)");
        try {
            assertThat(invoker.processAny()).as("fixed").isTrue();
        } finally {
            jdbc.execute("truncate amounts");
            jdbc.execute("alter table amounts alter column value type numeric(5, 2)");
        }
        assertThat(jdbc.queryForObject("select count(*) from dead_letter_entry", Long.class)).isZero();
    }

    @Test
    void inACommandsUnitOfWorkAFailurePropagatesAndRollsTheCommandBack() {
        // as a subscribing lookup group sees it: no segment, the command's transaction
        var unitOfWork = DefaultUnitOfWork.startAndGet(event(1, "a", "1.00"));
        unitOfWork.attachTransaction(transactions);
        boolean failed;
        try {
            failed = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                    List.of(interceptor(true)), message -> {
                        jdbc.update("insert into amounts (account, value) values ('a', 1.00)");
                        throw new IllegalStateException("the lookup refuses");
                    }).proceed()).isExceptional();
        } catch (Exception propagated) {
            failed = true;
        }

        assertThat(failed).isTrue();
        assertThat(rows()).isEmpty();
        assertThat(unitOfWork.resources()).doesNotContainKey(EventIsolation.RESOURCE_KEY);
        assertThat(failures.current()).isEmpty();
    }

    private static JdbcSequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        var serializer = JacksonSerializer.defaultSerializer();
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactions)
                .schema(LedgerSchemas.deadLetters())
                .genericSerializer(serializer)
                .eventSerializer(serializer)
                .build();
    }

    private EventIsolationInterceptor interceptor(boolean deadLettered) {
        return new EventIsolationInterceptor(PROCESSOR, () -> deadLettered, failures, new EventSavepoints(dataSource));
    }

    /** As Axon's pooled streaming processor runs a batch; true when it committed. */
    private boolean runBatch(List<TrackedEventMessage<?>> events, EventIsolationInterceptor interceptor) {
        return runBatch(events, interceptor, invoker);
    }

    private boolean runBatch(List<TrackedEventMessage<?>> events, EventIsolationInterceptor interceptor,
                             EventHandlerInvoker handlers) {
        var unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.resources().put("Processor[" + PROCESSOR + "]/SegmentId", 0);
        try {
            var result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                    List.of(interceptor), message -> {
                        handlers.handle(message, Segment.ROOT_SEGMENT);
                        return null;
                    }).proceed());
            return !result.isExceptional() && !unitOfWork.isRolledBack();
        } catch (Exception failed) {
            return false;
        }
    }

    private Map<String, Object> firstLetter() {
        return jdbc.queryForMap("select * from dead_letter_entry order by sequence_index limit 1");
    }

    private Map<String, String> rows() {
        return table("amounts");
    }

    private Map<String, String> lines() {
        return table("ledger_lines");
    }

    private Map<String, String> table(String name) {
        return jdbc.query("select account, value from " + name, resultSet -> {
            var rows = new java.util.HashMap<String, String>();
            while (resultSet.next()) {
                rows.put(resultSet.getString(1), resultSet.getBigDecimal(2).toPlainString());
            }
            return rows;
        });
    }

    private static TrackedEventMessage<?> event(long position, String account, String value) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                new GenericDomainEventMessage<>("Account", account, position,
                        new Amount(account, new BigDecimal(value))));
    }
}
