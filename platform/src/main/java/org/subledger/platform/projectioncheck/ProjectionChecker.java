package org.subledger.platform.projectioncheck;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.platform.axon.ProcessorTopology;
import org.subledger.platform.projectioncheck.ProjectionCheckReport.Outcome;
import org.subledger.platform.projectioncheck.ProjectionCheckReport.ProjectionResult;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proves projections equal to history: rebuilds the chosen ones from the event store into the scratch schema (fresh
 * instances of their event handlers, the same DDL), waits for the live ones to reach the same position, and compares
 * the tables. The live projections keep serving meanwhile: the rebuild writes only the scratch schema, on a
 * connection of its own. One check at a time (an advisory lock), whichever node asks.
 */
public class ProjectionChecker {

    /** The advisory lock key of a running check ("PROJCHK" in ASCII). */
    private static final long LOCK = 0x50524F4A43484BL;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final EventStorageEngine storage;
    private final Serializer tokenSerializer;
    private final ListableBeanFactory beans;
    private final ProjectionCheckProperties properties;
    private final ProcessorTopology topology;
    private final Clock clock;

    public ProjectionChecker(DataSource dataSource, EventStorageEngine storage, Serializer tokenSerializer,
                             ListableBeanFactory beans, ProjectionCheckProperties properties,
                            ProcessorTopology topology, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.storage = storage;
        this.tokenSerializer = tokenSerializer;
        this.beans = beans;
        this.properties = properties;
        this.topology = topology;
        this.clock = clock;
        properties.projections().forEach((group, tables) -> tables.forEach(table -> {
            if (!ScratchSchema.IDENTIFIER.matcher(table).matches()) {
                throw new IllegalArgumentException("projection " + group + " names a table that is not a plain"
                        + " identifier: " + table);
            }
        }));
    }

    /** The projections that can be checked, by name (their processing groups). */
    public Set<String> projections() {
        return properties.projections().keySet();
    }

    /** Checks the named projections; none named: all of them. Unknown names are refused before anything is done. */
    public ProjectionCheckReport check(Collection<String> names) {
        Set<String> chosen = new LinkedHashSet<>(names == null || names.isEmpty() ? projections() : names);
        Map<String, String> unknown = new LinkedHashMap<>();
        chosen.stream().filter(name -> !projections().contains(name)).forEach(name ->
                unknown.put("projections", "unknown projection " + name + "; known: " + projections()));
        if (!unknown.isEmpty()) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "No such projection.", unknown);
        }
        long started = System.nanoTime();
        Set<String> tables = new LinkedHashSet<>();
        chosen.forEach(name -> tables.addAll(properties.projections().get(name)));
        // a table written by several groups is only right when all of them are replayed
        Set<String> groups = new LinkedHashSet<>(chosen);
        properties.projections().forEach((group, written) -> {
            if (written.stream().anyMatch(tables::contains)) {
                groups.add(group);
            }
        });
        var scratch = new ScratchSchema(properties.schema(), properties.excludedMigrations());
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection)) {
                throw new LedgerRefusal(ErrorCode.PROJECTION_CHECK_RUNNING, "A projection check is running; ask"
                        + " again when it has finished.");
            }
            try {
                return run(connection, scratch, chosen, groups, started);
            } finally {
                unlock(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("projection check failed: " + e.getMessage(), e);
        }
    }

    private ProjectionCheckReport run(Connection connection, ScratchSchema scratch, Set<String> chosen,
                                      Set<String> groups, long started) throws SQLException {
        List<String> notes = new ArrayList<>();
        long head = head();
        long replayed;
        connection.setAutoCommit(false);
        try {
            scratch.rebuild(connection);
            connection.commit();
            try (var statement = connection.createStatement()) {
                statement.execute("set search_path to " + scratch.name());
            }
            connection.commit();
            var single = new SingleConnectionDataSource(connection, true);
            var replay = new ScratchReplay(handlers(groups, new JdbcTemplate(single)),
                    new TransactionTemplate(new DataSourceTransactionManager(single)), properties.batchSize());
            replayed = replay.replay(storage, head);
        } finally {
            connection.rollback();
            try (var statement = connection.createStatement()) {
                statement.execute("reset search_path");
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
        if (!awaitLive(groups, head)) {
            notes.add("the live projections had not reached position " + head + " within "
                    + properties.catchUpTimeout());
        }
        String live = jdbc.queryForObject("select current_schema()", String.class);
        var readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        readOnly.setReadOnly(true);
        List<ProjectionResult> results = readOnly.execute(status -> chosen.stream().map(name -> {
            List<TableComparison> compared = properties.projections().get(name).stream()
                    .map(table -> TableComparison.of(jdbc, live, scratch.name(), table, properties.maxRowsShown()))
                    .toList();
            return new ProjectionResult(name, compared.stream().allMatch(TableComparison::equal), compared);
        }).toList());
        boolean equal = results.stream().allMatch(ProjectionResult::equal);
        if (head() > head) {
            notes.add("events were recorded while checking (head " + head() + ")");
        }
        Outcome outcome = equal ? Outcome.EQUAL : notes.isEmpty() ? Outcome.DIFFERENT : Outcome.INCONCLUSIVE;
        return new ProjectionCheckReport(outcome, head, replayed, (System.nanoTime() - started) / 1_000_000,
                Instant.now(clock), notes, results);
    }

    private long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /** Fresh instances of the groups' event handlers, each given the scratch schema's JdbcTemplate. */
    private List<Object> handlers(Set<String> groups, JdbcTemplate scratch) {
        List<Object> handlers = new ArrayList<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            Class<?> type = beans.getType(name);
            ProcessingGroup group = type == null ? null : AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (group != null && groups.contains(group.value())) {
                handlers.add(instance(type, scratch));
            }
        }
        return handlers;
    }

    private static Object instance(Class<?> type, JdbcTemplate scratch) {
        try {
            var constructor = type.getDeclaredConstructor(JdbcTemplate.class);
            constructor.setAccessible(true);
            return constructor.newInstance(scratch);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " cannot be rebuilt: a projection's handler is made"
                    + " with its JdbcTemplate alone", e);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(type.getName() + " cannot be made for a check", e);
        }
    }

    /** Waits until every segment of each group's live processor has handled the events up to {@code head}. */
    private boolean awaitLive(Set<String> groups, long head) {
        long deadline = System.nanoTime() + properties.catchUpTimeout().toNanos();
        Set<String> processors = new LinkedHashSet<>();
        groups.forEach(group -> processors.add(topology.processorOf(group)));
        while (!processors.stream().allMatch(processor -> reached(processor, head))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100); // the processors poll the event store at about this rate
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private boolean reached(String processor, long head) {
        // a group with no token is not tracked here (a subscribing processor handles events as they are stored)
        return jdbc.query("select token, token_type from token_entry where processor_name = ?", (rows, n) -> {
            byte[] bytes = rows.getBytes(1);
            if (bytes == null) {
                return false;
            }
            TrackingToken token = tokenSerializer.deserialize(
                    new SimpleSerializedObject<>(bytes, byte[].class, rows.getString(2), null));
            return token != null && token.position().orElse(-1) >= head;
        }, processor).stream().allMatch(Boolean::booleanValue);
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK);
            try (var rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK);
            statement.execute();
        }
    }
}
