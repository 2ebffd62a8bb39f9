package org.subledger.command.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Idempotency keys in PostgreSQL. A key is claimed before its request runs (a unique row per principal and key), so
 * two racing repeats cannot both run; a claim left behind by a crashed node is taken over once it is stale.
 */
@Repository
class IdempotencyStore {

    static final Duration STALE_AFTER = Duration.ofSeconds(60);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    sealed interface Claim {
    }

    /** The key is new (or stale): run the request. */
    record Granted() implements Claim {
    }

    /** The same request already ran: answer with its response. */
    record Completed(int status, String contentType, String location, byte[] body) implements Claim {
    }

    /** The key was used for a different request. */
    record Mismatch() implements Claim {
    }

    /** The same request is running right now. */
    record InProgress() implements Claim {
    }

    Claim claim(String principal, String key, String requestHash) {
        Instant now = clock.instant();
        int inserted = jdbc.update("""
                insert into idempotency_key (principal, idempotency_key, request_hash, state, created_at)
                values (?, ?, ?, 'IN_PROGRESS', ?) on conflict do nothing""",
                principal, key, requestHash, Timestamp.from(now));
        if (inserted == 1) {
            return new Granted();
        }
        List<Claim> existing = jdbc.query("""
                select request_hash, state, response_status, response_content_type, response_location,
                       response_body, created_at
                from idempotency_key where principal = ? and idempotency_key = ?""",
                (rs, row) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        return new Mismatch();
                    }
                    if ("COMPLETED".equals(rs.getString("state"))) {
                        return new Completed(rs.getInt("response_status"), rs.getString("response_content_type"),
                                rs.getString("response_location"), rs.getBytes("response_body"));
                    }
                    Instant createdAt = rs.getTimestamp("created_at").toInstant();
                    return createdAt.isBefore(now.minus(STALE_AFTER)) ? new Granted() : new InProgress();
                }, principal, key);
        if (existing.isEmpty()) {
            return claim(principal, key, requestHash); // released in between: try again
        }
        Claim claim = existing.get(0);
        if (claim instanceof Granted) {
            // take over a stale claim; only one racer wins the update
            int taken = jdbc.update("""
                    update idempotency_key set created_at = ?
                    where principal = ? and idempotency_key = ? and state = 'IN_PROGRESS' and created_at < ?""",
                    Timestamp.from(now), principal, key, Timestamp.from(now.minus(STALE_AFTER)));
            return taken == 1 ? claim : new InProgress();
        }
        return claim;
    }

    void complete(String principal, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update("""
                update idempotency_key set state = 'COMPLETED', response_status = ?, response_content_type = ?,
                       response_location = ?, response_body = ?, completed_at = ?
                where principal = ? and idempotency_key = ?""",
                status, contentType, location, body, Timestamp.from(clock.instant()), principal, key);
    }

    /** Forgets a claim whose request failed on our side, so the client may retry with the same key. */
    void release(String principal, String key) {
        jdbc.update("delete from idempotency_key where principal = ? and idempotency_key = ? and state = 'IN_PROGRESS'",
                principal, key);
    }
}
