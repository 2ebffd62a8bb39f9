package org.subledger.projection.support;

import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Prepares a projection's per-batch look-up by key ({@code key = any(?)}) so that PostgreSQL plans it at each
 * execution with the values bound, never with a cached generic plan.
 *
 * <p>Why: the driver turns a statement run five times on a connection into a server-side prepared statement, and
 * PostgreSQL then settles on a generic plan, planned without the array's values, and keeps it until the table's
 * statistics change. A read-model table starts empty in a new ledger and grows by thousands of rows a second in its
 * first bill run, before autovacuum's first analyze (up to a minute later): a generic plan made while it was small is
 * a sequential scan, and every later batch then read the whole table (a 30,000-subscription first bill run with a
 * discount: 308 look-ups of {@code bill}, 13.6 ms each against 0.45 ms). Planned at each execution, the look-up uses
 * the primary key as soon as the table has more than a few pages, analyzed or not. Planning it costs far less than
 * one batch's look-up, so nothing is lost where the generic plan was right.
 *
 * <p>Not for a join to {@code unnest(?)}: planned per execution on a table never analyzed, the receivables' section
 * look-up chose a hash join over a sequential scan and took twice as long as with its prepared plan (session 17).
 */
public final class PlannedPerExecution {

    private PlannedPerExecution() {
    }

    public static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        // 0: the driver never names it on the server, so each execution is parsed and planned anew (unnamed)
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }
}
