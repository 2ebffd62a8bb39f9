package org.subledger.platform.db;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Spring's JDBC transaction manager, except that it refuses to commit a transaction PostgreSQL has already aborted.
 *
 * <p>In PostgreSQL a statement that fails aborts its whole transaction, and a {@code COMMIT} of an aborted transaction
 * rolls it back without an error: the driver reports success. So code that catches an SQL exception and carries on
 * inside a transaction (Axon's JDBC event store does, for a snapshot that already exists) turns the commit into a
 * silent rollback of everything the transaction wrote, while the caller is told it was stored. A mediation batch
 * lost every usage record it had reported accepted that way (UsageSnapshotsIT). Here such a commit fails instead,
 * with the cause named: the unit of work rolls back, the caller gets an error, and the command gateway may retry.
 */
public class FailedTransactionRefusingTransactionManager extends JdbcTransactionManager {

    public FailedTransactionRefusingTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        if (aborted(status)) {
            throw new TransactionSystemException("PostgreSQL aborted this transaction after a statement in it failed"
                    + " (an SQL error was caught and ignored); committing it would roll back everything it wrote"
                    + " while reporting success, so it is rolled back as a failure");
        }
        super.doCommit(status);
    }

    private static boolean aborted(DefaultTransactionStatus status) {
        if (!(status.getTransaction() instanceof JdbcTransactionObjectSupport transaction)
                || !transaction.hasConnectionHolder()) {
            return false;
        }
        try {
            Connection connection = transaction.getConnectionHolder().getConnection();
            return connection.isWrapperFor(BaseConnection.class)
                    && connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.FAILED;
        } catch (SQLException unknown) {
            return false; // the commit itself will tell
        }
    }
}
