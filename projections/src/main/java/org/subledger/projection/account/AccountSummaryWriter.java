package org.subledger.projection.account;

import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * Writes folded {@link PendingSummary summaries} to {@code account_summary} in at most two JDBC batches. Both
 * statements only touch a row whose version is older than the batch's, so redelivered events change nothing.
 */
final class AccountSummaryWriter {

    private static final String UPSERT = """
            insert into account_summary (account_id, customer_type, name, currency, credit_limit, balance, status,
                                         closed, credit_rating, classification, opened_by, opened_at,
                                         last_movement_at, last_movement_type, version, owning_unit)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (account_id) do update set
                customer_type = excluded.customer_type, name = excluded.name, currency = excluded.currency,
                credit_limit = excluded.credit_limit, balance = excluded.balance, status = excluded.status,
                closed = excluded.closed, credit_rating = excluded.credit_rating,
                classification = excluded.classification, opened_by = excluded.opened_by,
                opened_at = excluded.opened_at, last_movement_at = excluded.last_movement_at,
                last_movement_type = excluded.last_movement_type, version = excluded.version,
                owning_unit = excluded.owning_unit
            where account_summary.version < excluded.version""";

    // One statement for every combination of changes (so they batch): each flag says whether its column changes.
    private static final String UPDATE = """
            update account_summary set
                credit_limit = case when ? then ? else credit_limit end,
                credit_rating = case when ? then ? else credit_rating end,
                classification = case when ? then ? else classification end,
                balance = case when ? then ? else balance end,
                status = case when ? then ? else status end,
                last_movement_at = case when ? then ? else last_movement_at end,
                last_movement_type = case when ? then ? else last_movement_type end,
                closed = closed or ?,
                version = ?
            where account_id = ? and version < ?""";

    private final JdbcTemplate jdbc;

    AccountSummaryWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(Collection<PendingSummary> summaries) {
        List<PendingSummary> complete = summaries.stream().filter(PendingSummary::complete).toList();
        List<PendingSummary> changes = summaries.stream().filter(summary -> !summary.complete()).toList();
        if (!complete.isEmpty()) {
            jdbc.batchUpdate(UPSERT, complete, complete.size(), AccountSummaryWriter::bindUpsert);
        }
        if (!changes.isEmpty()) {
            jdbc.batchUpdate(UPDATE, changes, changes.size(), AccountSummaryWriter::bindUpdate);
        }
    }

    void clear() {
        jdbc.execute("truncate table account_summary");
    }

    private static void bindUpsert(PreparedStatement statement, PendingSummary row) throws SQLException {
        statement.setString(1, row.accountId);
        statement.setString(2, row.customerType.name());
        statement.setString(3, row.name);
        statement.setString(4, row.currency);
        setDecimal(statement, 5, row.creditLimit);
        statement.setBigDecimal(6, row.balance);
        statement.setString(7, row.status.name());
        statement.setBoolean(8, row.closed);
        statement.setString(9, row.creditRating);
        statement.setString(10, row.classification);
        statement.setString(11, row.openedBy);
        setInstant(statement, 12, row.openedAt);
        setInstant(statement, 13, row.lastMovementAt);
        statement.setString(14, row.lastMovementType == null ? null : row.lastMovementType.name());
        statement.setLong(15, row.version);
        statement.setString(16, row.owningUnit);
    }

    private static void bindUpdate(PreparedStatement statement, PendingSummary change) throws SQLException {
        statement.setBoolean(1, change.creditLimitChanged);
        setDecimal(statement, 2, change.creditLimit);
        statement.setBoolean(3, change.creditRatingChanged);
        statement.setString(4, change.creditRating);
        statement.setBoolean(5, change.classificationChanged);
        statement.setString(6, change.classification);
        statement.setBoolean(7, change.moved);
        setDecimal(statement, 8, change.balance);
        statement.setBoolean(9, change.moved);
        statement.setString(10, change.moved ? change.status.name() : null);
        statement.setBoolean(11, change.moved);
        setInstant(statement, 12, change.lastMovementAt);
        statement.setBoolean(13, change.moved);
        statement.setString(14, change.moved ? change.lastMovementType.name() : null);
        statement.setBoolean(15, change.closed);
        statement.setLong(16, change.version);
        statement.setString(17, change.accountId);
        statement.setLong(18, change.version);
    }

    private static void setDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NUMERIC);
        } else {
            statement.setBigDecimal(index, value);
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }
}
