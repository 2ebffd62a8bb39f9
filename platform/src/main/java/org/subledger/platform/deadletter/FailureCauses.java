package org.subledger.platform.deadletter;

import org.axonframework.messaging.deadletter.ThrowableCause;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * What a dead letter says about why its event failed: the exception's type, and the database's own words when a
 * statement failed (Spring's message starts with the whole SQL text, which would push PostgreSQL's reason out of the
 * 1,023 characters a cause keeps).
 */
final class FailureCauses {

    private FailureCauses() {
    }

    static ThrowableCause describe(Throwable failure) {
        String message = databaseReason(failure);
        if (message == null) {
            message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
        }
        if (message.length() > ThrowableCause.TRUNCATED_MESSAGE_SIZE) {
            message = message.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE);
        }
        return new ThrowableCause(failure.getClass().getName(), message);
    }

    private static String databaseReason(Throwable failure) {
        SQLException deepest = null;
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                deepest = sql;
            }
        }
        if (deepest instanceof BatchUpdateException batch && batch.getNextException() != null) {
            deepest = batch.getNextException();
        }
        if (deepest == null) {
            return null;
        }
        return deepest.getSQLState() == null ? deepest.getMessage()
                : deepest.getMessage() + " [SQLState " + deepest.getSQLState() + "]";
    }
}
