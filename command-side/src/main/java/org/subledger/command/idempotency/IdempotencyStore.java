package org.subledger.command.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Idempotency keys in PostgreSQL. A key is claimed before its request runs (a unique row per principal and key,
 * marked with the instance running it), so two racing repeats cannot both run; a claim whose instance is no longer
 * alive (it crashed) is taken over at once.
 */
@Repository
class IdempotencyStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RunningInstances instances;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock, RunningInstances instances) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.instances = instances;
    }

    sealed interface Claim {
    }

    /** The key is new (or its claim was left by a dead instance): run the request. */
    record Granted() implements Claim {
    }

    /** The same request already ran: answer with its response. */
    record Completed(int status, String contentType, String location, byte[] body) implements Claim {
    }

    /** The key was used for a different request. */
    record Mismatch() implements Claim {
    }

    /** The same request is running right now, on a live instance. */
    record InProgress() implements Claim {
    }

    /** Read from the table: the same request in flight on the given instance (null: claimed before owners). */
    private record InFlight(Integer owner) implements Claim {
    }

    Claim claim(String principal, String key, String requestHash) {
        Instant now = clock.instant();
        int inserted = jdbc.update("""
                insert into idempotency_key (principal, idempotency_key, request_hash, state, created_at, owner_instance)
                values (?, ?, ?, 'IN_PROGRESS', ?, ?) on conflict do nothing""",
                principal, key, requestHash, Timestamp.from(now), instances.self());
        if (inserted == 1) {
            return new Granted();
        }
        List<Claim> existing = jdbc.query("""
                select request_hash, state, response_status, response_content_type, response_location,
                       response_body, owner_instance
                from idempotency_key where principal = ? and idempotency_key = ?""",
                (rs, row) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        return new Mismatch();
                    }
                    if ("COMPLETED".equals(rs.getString("state"))) {
                        return new Completed(rs.getInt("response_status"), rs.getString("response_content_type"),
                                rs.getString("response_location"), rs.getBytes("response_body"));
                    }
                    return new InFlight((Integer) rs.getObject("owner_instance"));
                }, principal, key);
        if (existing.isEmpty()) {
            return claim(principal, key, requestHash); // released in between: try again
        }
        if (existing.get(0) instanceof InFlight inFlight) {
            return inFlight.owner() != null && instances.alive(inFlight.owner())
                    ? new InProgress() : takeOver(principal, key, inFlight.owner(), now);
        }
        return existing.get(0);
    }

    /** Takes over the claim of a dead instance; of racing repeats only one wins the update. */
    private Claim takeOver(String principal, String key, Integer deadOwner, Instant now) {
        int taken = jdbc.update("""
                update idempotency_key set owner_instance = ?, created_at = ?
                where principal = ? and idempotency_key = ? and state = 'IN_PROGRESS'
                  and owner_instance is not distinct from ?""",
                instances.self(), Timestamp.from(now), principal, key, deadOwner);
        return taken == 1 ? new Granted() : new InProgress();
    }

    void complete(String principal, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update("""
                update idempotency_key set state = 'COMPLETED', response_status = ?, response_content_type = ?,
                       response_location = ?, response_body = ?, completed_at = ?, owner_instance = null
                where principal = ? and idempotency_key = ?""",
                status, contentType, location, body, Timestamp.from(clock.instant()), principal, key);
    }

    /** Forgets a claim whose request did not run to a decision, so the client may retry with the same key. */
    void release(String principal, String key) {
        jdbc.update("""
                delete from idempotency_key where principal = ? and idempotency_key = ? and state = 'IN_PROGRESS'
                  and owner_instance = ?""", principal, key, instances.self());
    }
}
