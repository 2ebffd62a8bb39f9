package org.subledger.platform.db;

import org.springframework.dao.DataAccessResourceFailureException;

import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (down, restarting, refusing connections) from every other failure, however
 * deeply Axon, Spring or Hikari wrapped it: the first is the caller's to retry shortly, the second is a bug or a
 * refusal and is never hidden behind a 503.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return true;
            }
            // a commit that failed on a lost connection, whose rollback then failed too: Spring reports the rollback
            // ("Connection is closed") and keeps the commit's own failure apart, outside the cause chain
            if (cause instanceof TransactionSystemException transaction && transaction.getApplicationException() != null
                    && transaction.getApplicationException() != failure
                    && isUnavailable(transaction.getApplicationException())) {
                return true;
            }
            // a commit that failed on a lost connection, rolled back on a connection the pool had already closed:
            // Hikari closes a connection as soon as it sees a fatal SQL state (08xxx, 57P0x), and Spring then reports
            // the rollback alone, without the commit's failure (DatabaseOutageIT met it when PostgreSQL was killed)
            if (cause instanceof TransactionSystemException transaction && transaction.getApplicationException() == null
                    && transaction.getCause() instanceof SQLException sql && closedByThePool(sql)) {
                return true;
            }
        }
        return false;
    }

    /** HikariCP's answer on a connection it closed (its message, no SQL state). */
    private static boolean closedByThePool(SQLException failure) {
        return failure.getSQLState() == null && "Connection is closed".equals(failure.getMessage());
    }

    /**
     * Class 08: connection exceptions. 57P01..57P03: the server is shutting down, crashed or not yet accepting
     * connections (what a connection sees while PostgreSQL stops or restarts).
     */
    static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }
}
