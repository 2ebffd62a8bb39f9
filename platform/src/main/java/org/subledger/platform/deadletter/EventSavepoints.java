package org.subledger.platform.deadletter;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.Callable;

/**
 * One event's handling inside a savepoint of the processor's transaction. A statement that fails in PostgreSQL
 * aborts the whole transaction, so without it the dead letter of a failing event could not be written in the same
 * transaction (and the batch would be retried for ever); rolled back to the savepoint, the transaction is usable
 * again and the dead letter, the other events of the batch and the token commit together.
 */
final class EventSavepoints {

    private static final String RESOURCE_KEY = EventSavepoints.class.getName();

    private final DataSource dataSource;

    EventSavepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs one event's handling in a savepoint of the current transaction (plainly when there is none). */
    Object around(UnitOfWork<?> unitOfWork, Callable<Object> handling) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return handling.call();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        var open = new Open(connection, connection.setSavepoint());
        Object previous = unitOfWork.resources().put(RESOURCE_KEY, open);
        Object result;
        try {
            result = handling.call();
        } catch (Exception | Error failure) {
            try {
                rollBack(open);
                release(open);
            } catch (SQLException unusable) {
                failure.addSuppressed(unusable);
            }
            throw failure;
        } finally {
            restore(unitOfWork, previous);
        }
        release(open);
        return result;
    }

    /**
     * Rolls the current unit of work's open savepoint back, so that what the failed event wrote is undone and the
     * transaction accepts statements again. Called when the event's failure has been caught, before its dead letter
     * is written.
     */
    static void rollBackCurrent() throws SQLException {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        while (unitOfWork != null) {
            if (unitOfWork.resources().get(RESOURCE_KEY) instanceof Open open) {
                rollBack(open);
                return;
            }
            unitOfWork = unitOfWork.parent().orElse(null);
        }
    }

    private static void rollBack(Open open) throws SQLException {
        if (!open.rolledBack) {
            open.connection.rollback(open.savepoint);
            open.rolledBack = true;
        }
    }

    private static void release(Open open) throws SQLException {
        // released even after a rollback to it: what came after the rollback (the dead letter) stays in the batch
        open.connection.releaseSavepoint(open.savepoint);
    }

    private static void restore(UnitOfWork<?> unitOfWork, Object previous) {
        if (previous == null) {
            unitOfWork.resources().remove(RESOURCE_KEY);
        } else {
            unitOfWork.resources().put(RESOURCE_KEY, previous);
        }
    }

    private static final class Open {
        final Connection connection;
        final Savepoint savepoint;
        boolean rolledBack;

        Open(Connection connection, Savepoint savepoint) {
            this.connection = connection;
            this.savepoint = savepoint;
        }
    }
}
