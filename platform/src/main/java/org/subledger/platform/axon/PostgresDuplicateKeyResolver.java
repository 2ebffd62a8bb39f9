package org.subledger.platform.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique violation (SQLState 23505) anywhere in the cause or next-exception chain. Two
 * writers appending the same (aggregate id, sequence number) then surface as Axon's transient
 * {@code ConcurrencyException}, which the command gateway retries, instead of a fatal {@code EventStoreException}.
 * Axon's default resolver looks for {@code SQLIntegrityConstraintViolationException}, which pgjdbc never throws.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Throwable current = exception;
        int depth = 0;
        while (current != null && depth++ < 32) {
            if (current instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
            current = current.getCause();
        }
        return false;
    }
}
