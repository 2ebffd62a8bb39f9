package org.subledger.projection.support;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.projection.ProjectionWiringTest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A look-up first run on an empty table, which then grows by thousands of rows before any analyze: what a new
 * ledger's first bill run does to {@code bill}. All in one transaction on one connection, so autovacuum cannot analyze
 * the table meanwhile and the transaction's own scan counts ({@code pg_stat_xact_user_tables}) tell the plan used.
 */
class PlannedPerExecutionTest extends ProjectionWiringTest {

    private static final int ROWS = 20_000;

    @Autowired
    DataSource dataSource;

    @Test
    void aLookUpPlannedAtEachExecutionUsesTheKeyOnceTheTableHasGrown() throws SQLException {
        Scans scans = afterGrowth(true);

        assertThat(scans.sequential()).isZero();
        assertThat(scans.index()).isGreaterThanOrEqualTo(5);
    }

    /** Why it exists: the driver's server-side statement keeps the generic plan made while the table was empty. */
    @Test
    void aServerPreparedLookUpKeepsScanningTheWholeTable() throws SQLException {
        Scans scans = afterGrowth(false);

        assertThat(scans.sequential()).isEqualTo(5);
    }

    private record Scans(long sequential, long index) {
    }

    private Scans afterGrowth(boolean plannedPerExecution) throws SQLException {
        String table = "planned_" + UUID.randomUUID().toString().replace("-", "");
        String lookUp = "select id from " + table + " where id = any(?)";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "create table " + table + " (id varchar(255) primary key, filler text)");
                try (PreparedStatement statement = plannedPerExecution
                        ? PlannedPerExecution.prepare(connection, lookUp) : connection.prepareStatement(lookUp)) {
                    for (int i = 0; i < 10; i++) {
                        look(connection, statement, "absent-" + i);
                    }
                    execute(connection, "insert into " + table + " select 'id-' || n, repeat('x', 100)"
                            + " from generate_series(1, " + ROWS + ") n");
                    Scans before = scans(connection, table);
                    for (int i = 0; i < 5; i++) {
                        assertThat(look(connection, statement, "id-" + (i + 1))).isEqualTo(1);
                    }
                    Scans after = scans(connection, table);
                    return new Scans(after.sequential() - before.sequential(), after.index() - before.index());
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static int look(Connection connection, PreparedStatement statement, String id) throws SQLException {
        String[] ids = IntStream.range(0, 100).mapToObj(n -> n == 0 ? id : "other-" + n).toArray(String[]::new);
        statement.setArray(1, connection.createArrayOf("varchar", ids));
        int found = 0;
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found++;
            }
        }
        return found;
    }

    private static Scans scans(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select seq_scan, coalesce(idx_scan, 0) from pg_stat_xact_user_tables where relname = ?")) {
            statement.setString(1, table);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Scans(row.getLong(1), row.getLong(2));
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
