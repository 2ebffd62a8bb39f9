package org.subledger.command.idempotency;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Which ledger instances are alive, as PostgreSQL sees them. Each instance holds a session advisory lock on its own
 * random id for as long as it runs, on a connection of its own; when the process dies, PostgreSQL drops the
 * connection and the lock with it. So a request left in flight by a crashed instance can be retried as soon as the
 * ledger is back, with no timeout to wait out, and a request genuinely running on another node is never taken over.
 * Costs one pooled connection per instance, and one query only when a key is found in flight.
 */
@Component
class RunningInstances implements DisposableBean {

    /** First key of the advisory locks: "idempotency owners", so no other advisory lock of the ledger collides. */
    static final int LOCK_SPACE = 0x1DE0;

    private final JdbcTemplate jdbc;
    private final Connection lockHolder;
    private final int self;

    RunningInstances(DataSource dataSource, JdbcTemplate jdbc) throws SQLException {
        this.jdbc = jdbc;
        this.lockHolder = dataSource.getConnection();
        this.lockHolder.setAutoCommit(true);
        var random = new SecureRandom();
        int candidate;
        do {
            candidate = random.nextInt(1, Integer.MAX_VALUE);
        } while (!tryLock(candidate));
        this.self = candidate;
    }

    int self() {
        return self;
    }

    boolean alive(int instance) {
        if (instance == self) {
            return true;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists(select 1 from pg_locks where locktype = 'advisory' and granted
                              and classid = ?::oid and objid = ?::oid and objsubid = 2)""",
                Boolean.class, LOCK_SPACE, instance));
    }

    private boolean tryLock(int instance) throws SQLException {
        try (var statement = lockHolder.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            statement.setInt(1, LOCK_SPACE);
            statement.setInt(2, instance);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    @Override
    public void destroy() throws SQLException {
        try (var statement = lockHolder.prepareStatement("select pg_advisory_unlock_all()")) {
            statement.execute();
        } finally {
            lockHolder.close();
        }
    }
}
