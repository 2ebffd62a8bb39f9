package org.subledger.platform.db;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @Test
    void aLostConnectionDeepInsideAxonsWrappingIsUnavailability() {
        var lost = new PSQLException("An I/O error occurred while sending to the backend", PSQLState.CONNECTION_FAILURE);
        assertThat(DatabaseFailures.isUnavailable(
                new CompletionException(new EventStoreException("could not append", lost)))).isTrue();
    }

    @Test
    void aPoolThatCannotConnectIsUnavailability() {
        var timeout = new SQLTransientConnectionException("ledger - Connection is not available");
        assertThat(DatabaseFailures.isUnavailable(
                new CannotCreateTransactionException("no transaction", timeout))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new CannotGetJdbcConnectionException("no connection"))).isTrue();
    }

    @Test
    void aServerShuttingDownIsUnavailability() {
        var shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(shutdown))).isTrue();
    }

    @Test
    void aCommitLostWithItsConnectionWhoseRollbackFailedTooIsUnavailability() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new SQLException("An I/O error occurred while sending to the backend.",
                "08006"));
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(rollback))).isTrue();
    }

    @Test
    void aCommitLostWithItsConnectionReportedOnlyByItsRollbackOnAClosedConnectionIsUnavailability() {
        // Spring's rollback after a failed commit keeps the commit's failure out; Hikari had closed the connection
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new TransactionSystemException(
                "JDBC rollback failed", new SQLException("Connection is closed"))))).isTrue();
        // a rollback after an application failure is judged by that failure
        var afterABug = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        afterABug.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseFailures.isUnavailable(afterABug)).isFalse();
        // any other rollback failure is not unavailability
        assertThat(DatabaseFailures.isUnavailable(new TransactionSystemException("JDBC rollback failed",
                new SQLException("something else")))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed", "XX000")))).isFalse();
    }

    @Test
    void aConstraintViolationOrABugIsNot() {
        var duplicate = new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION);
        assertThat(DatabaseFailures.isUnavailable(new EventStoreException("append", duplicate))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalArgumentException("bad"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(
                new PSQLException("numeric field overflow", PSQLState.NUMERIC_VALUE_OUT_OF_RANGE))).isFalse();
    }
}
