package org.subledger.platform.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registered endpoints ({@code webhook_endpoint}) and, for the enqueuer, the active ones by event type. That
 * view is cached: reloaded at once after a change on this node and at least every {@link #REFRESH} for changes made
 * on another node, so the processor reading every event never queries per event.
 */
public class WebhookEndpoints {

    static final Duration REFRESH = Duration.ofSeconds(5);

    public record Endpoint(UUID id, String url, List<String> eventTypes, String description, boolean active,
                           long startsAfterIndex, Instant createdAt, String createdBy, Instant disabledAt,
                           String disabledBy) {
    }

    /** An active endpoint as the enqueuer needs it. */
    record Subscriber(UUID id, long startsAfterIndex) {
    }

    private final JdbcTemplate jdbc;
    private final Clock wallClock = Clock.systemUTC();
    private volatile Map<String, List<Subscriber>> byType;
    private volatile Instant loadedAt = Instant.MIN;
    /** Counts changes on this node, so a load that read the table before a change never caches what it read. */
    private final AtomicLong changes = new AtomicLong();

    public WebhookEndpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final RowMapper<Endpoint> ENDPOINT = (rs, i) -> new Endpoint(rs.getObject("id", UUID.class),
            rs.getString("url"), strings(rs.getArray("event_types")), rs.getString("description"),
            rs.getBoolean("active"), rs.getLong("starts_after_index"), instant(rs.getTimestamp("created_at")),
            rs.getString("created_by"), instant(rs.getTimestamp("disabled_at")), rs.getString("disabled_by"));

    /**
     * Registers an endpoint; it receives the events stored after this moment (those after the event table's highest
     * index now), not the history before it.
     */
    Endpoint register(String url, List<String> eventTypes, String description, String secret, String principal) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into webhook_endpoint (id, url, event_types, description, secret, active, starts_after_index,
                    created_at, created_by)
                values (?, ?, ?, ?, ?, true, (select coalesce(max(global_index), 0) from domain_event_entry), now(), ?)
                """, ps -> {
            ps.setObject(1, id);
            ps.setString(2, url);
            ps.setArray(3, ps.getConnection().createArrayOf("text", eventTypes.toArray()));
            ps.setString(4, description);
            ps.setString(5, secret);
            ps.setString(6, principal);
        });
        invalidate();
        return find(id).orElseThrow();
    }

    Optional<Endpoint> find(UUID id) {
        return jdbc.query("select * from webhook_endpoint where id = ?", ENDPOINT, id).stream().findFirst();
    }

    List<Endpoint> list() {
        return jdbc.query("select * from webhook_endpoint order by created_at, id", ENDPOINT);
    }

    /** Stops deliveries to the endpoint, pending ones included; its history stays. */
    Optional<Endpoint> disable(UUID id, String principal) {
        jdbc.update("update webhook_endpoint set active = false, disabled_at = now(), disabled_by = ?"
                + " where id = ? and active", principal, id);
        invalidate();
        return find(id);
    }

    List<Subscriber> subscribers(String eventType) {
        Map<String, List<Subscriber>> current = byType;
        if (current == null || loadedAt.plus(REFRESH).isBefore(wallClock.instant())) {
            current = load();
        }
        return current.getOrDefault(eventType, List.of());
    }

    void invalidate() {
        synchronized (changes) {
            changes.incrementAndGet();
            byType = null;
        }
    }

    private Map<String, List<Subscriber>> load() {
        long changesBefore = changes.get();
        Instant readAt = wallClock.instant();
        Map<String, List<Subscriber>> loaded = new HashMap<>();
        jdbc.query("select id, event_types, starts_after_index from webhook_endpoint where active", rs -> {
            var subscriber = new Subscriber(rs.getObject("id", UUID.class), rs.getLong("starts_after_index"));
            for (String type : strings(rs.getArray("event_types"))) {
                loaded.computeIfAbsent(type, t -> new ArrayList<>()).add(subscriber);
            }
        });
        synchronized (changes) {
            // an endpoint registered or disabled while the table was read: what was read is used once, not kept
            if (changes.get() == changesBefore) {
                loadedAt = readAt;
                byType = loaded;
            }
        }
        return loaded;
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
