package org.subledger.platform.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What was sent where, attempt by attempt, and an operator's retry of a delivery that ran out of attempts. */
public class WebhookDeliveries {

    public record Delivery(long id, UUID endpointId, String eventId, String eventType, String state, int attempts,
                           Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
                           Instant deliveredAt) {
    }

    public record Attempt(int attempt, Instant attemptedAt, Integer status, String error, int durationMs) {
    }

    private static final RowMapper<Delivery> DELIVERY = (rs, i) -> new Delivery(rs.getLong("id"),
            rs.getObject("endpoint_id", UUID.class), rs.getString("event_id"), rs.getString("event_type"),
            rs.getString("state"), rs.getInt("attempts"),
            "PENDING".equals(rs.getString("state")) ? instant(rs.getTimestamp("next_attempt_at")) : null,
            (Integer) rs.getObject("last_status"), rs.getString("last_error"), instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("delivered_at")));

    private final JdbcTemplate jdbc;

    public WebhookDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first. */
    List<Delivery> ofEndpoint(UUID endpointId, String state, int page, int size) {
        return jdbc.query("select * from webhook_delivery where endpoint_id = ? and (?::text is null or state = ?)"
                + " order by id desc limit ? offset ?", DELIVERY, endpointId, state, state, size, (long) page * size);
    }

    Optional<Delivery> find(long id) {
        return jdbc.query("select * from webhook_delivery where id = ?", DELIVERY, id).stream().findFirst();
    }

    List<Attempt> attempts(long deliveryId) {
        return jdbc.query("select * from webhook_attempt where delivery_id = ? order by attempt",
                (rs, i) -> new Attempt(rs.getInt("attempt"), instant(rs.getTimestamp("attempted_at")),
                        (Integer) rs.getObject("status"), rs.getString("error"), rs.getInt("duration_ms")),
                deliveryId);
    }

    /** Puts a FAILED delivery back in line for now; answers false if it is not FAILED. */
    boolean retry(long id) {
        return jdbc.update("update webhook_delivery set state = 'PENDING', next_attempt_at = now()"
                + " where id = ? and state = 'FAILED'", id) == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
