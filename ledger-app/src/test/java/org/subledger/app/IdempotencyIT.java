package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Idempotency-Key contract, as Stripe keeps it: a key is consumed only by a request that ran to a decision; a key
 * left in flight by a crashed instance is free as soon as the ledger is back; a repeat of a request still running is
 * told when to come back. And the correlation id of the audit trail is the ledger's, never the client's.
 */
class IdempotencyIT extends LedgerIT {

    /** The advisory lock space of the ledger's live instances (RunningInstances.LOCK_SPACE). */
    static final int INSTANCE_LOCK_SPACE = 0x1DE0;

    @Autowired
    DataSource dataSource;

    @Test
    void aRequestRefusedAsInputDoesNotConsumeItsKey() {
        String id = api.openAccount("Irini", "Kosta", "100");
        var key = Map.of("Idempotency-Key", "fix-me-" + id);

        var refused = api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": -12.00}", key);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");

        var corrected = api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 12.00}", key);
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
        assertThat(eventCount(id)).isEqualTo(2);

        var repeated = api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 12.00}", key);
        assertThat(repeated.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": -12.00}", key).json()
                .get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(eventCount(id)).isEqualTo(2);
    }

    @Test
    void aBusinessRefusalConsumesItsKey() {
        String id = api.openAccount("Stelios", "Nikolaou", "100");
        var key = Map.of("Idempotency-Key", "close-" + id);
        assertThat(api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 5.00}").status())
                .isEqualTo(201);

        var refused = api.post("supervisor", "/api/accounts/" + id + "/close", "{}", key);
        assertThat(refused.status()).isEqualTo(422);
        var replayed = api.post("supervisor", "/api/accounts/" + id + "/close", "{}", key);
        assertThat(replayed.status()).isEqualTo(422);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aKeyLeftInFlightByACrashedInstanceIsRetriedAtOnce() {
        String id = api.openAccount("Marios", "Demetriou", "100");
        String path = "/api/accounts/" + id + "/charges";
        String body = "{\"amount\": 7.00}";
        // what a node that died mid-request leaves: the claim, owned by an instance that holds no lock any more
        claimInFlight("agent", "crashed-" + id, path, body, 424242);

        var retried = api.post("agent", path, body, Map.of("Idempotency-Key", "crashed-" + id));

        assertThat(retried.status()).isEqualTo(201);
        assertThat(eventCount(id)).isEqualTo(2);
    }

    @Test
    void aRepeatOfARequestRunningOnALiveInstanceIsToldWhenToComeBack() throws Exception {
        String id = api.openAccount("Andri", "Savva", "100");
        String path = "/api/accounts/" + id + "/charges";
        String body = "{\"amount\": 8.00}";
        int otherNode = 171717;
        var key = Map.of("Idempotency-Key", "running-" + id);
        var pool = dataSource.unwrap(HikariDataSource.class);
        // a session of its own, not a pooled one: closing it ends the session, as the death of a node does
        try (Connection otherNodeSession = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword())) {
            // another live node: it holds its instance lock while it runs the request
            try (var lock = otherNodeSession.prepareStatement("select pg_advisory_lock(?, ?)")) {
                lock.setInt(1, INSTANCE_LOCK_SPACE);
                lock.setInt(2, otherNode);
                lock.execute();
            }
            claimInFlight("agent", "running-" + id, path, body, otherNode);

            var repeat = api.post("agent", path, body, key);

            assertThat(repeat.status()).isEqualTo(409);
            assertThat(repeat.json().get("code").asText()).isEqualTo("IDEMPOTENT_REQUEST_IN_PROGRESS");
            assertThat(repeat.header("Retry-After")).isEqualTo("1");
            assertThat(repeat.header("Content-Type")).startsWith("application/problem+json");
            assertThat(eventCount(id)).isEqualTo(1);
        }
        // the other node died: its session's backend ends a moment after the connection closes, and with it the lock
        Await.until("the other node's session gone", () -> jdbc.queryForObject("select count(*) from pg_locks"
                + " where locktype = 'advisory' and classid = ? and objid = ?", Long.class, INSTANCE_LOCK_SPACE,
                otherNode), held -> held == 0);
        // then the key is free at once
        var afterItDied = api.post("agent", path, body, key);
        assertThat(afterItDied.status()).isEqualTo(201);
        assertThat(eventCount(id)).isEqualTo(2);
    }

    @Test
    void theCorrelationIdIsTheLedgersAndTheClientsIsKeptAsABoundedReference() {
        String id = api.openAccount("Kyriakos", "Loizou", "100");
        var charged = api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 3.00}",
                Map.of("X-Correlation-Id", "order-77/line 1"));
        var tooLong = api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 4.00}",
                Map.of("X-Correlation-Id", "x".repeat(129)));
        var notPrintable = api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 5.00}",
                Map.of("X-Correlation-Id", "order\t77"));

        assertThat(charged.status()).isEqualTo(201);
        assertThat(tooLong.status()).isEqualTo(201);
        assertThat(notPrintable.status()).isEqualTo(201);
        String serverId = charged.header("X-Correlation-Id");
        assertThat(serverId).isNotEqualTo("order-77/line 1");
        assertThat(UUID.fromString(serverId)).isNotNull();
        assertThat(charged.header("X-Client-Reference")).isEqualTo("order-77/line 1");
        assertThat(tooLong.header("X-Client-Reference")).isNull();

        JsonNode events = AccountsIT.events(api.get("auditor", "/api/audit/accounts/" + id + "/events").json());
        JsonNode first = events.get(1).get("metadata");
        assertThat(first.get("correlationId").asText()).isEqualTo(serverId);
        assertThat(first.get("clientReference").asText()).isEqualTo("order-77/line 1");
        for (int i = 2; i <= 3; i++) {
            JsonNode metadata = events.get(i).get("metadata");
            assertThat(metadata.get("correlationId").asText()).hasSize(36);
            assertThat(metadata.has("clientReference")).isFalse();
        }
    }

    private void claimInFlight(String principal, String key, String path, String body, int owner) {
        claimInFlight(jdbc, principal, key, path, body, owner);
    }

    /**
     * What a node that died mid-request leaves of its Idempotency-Key: the claim, in progress, owned by {@code owner}
     * (an instance that holds no lock, unless a test takes it).
     */
    static void claimInFlight(JdbcTemplate jdbc, String principal, String key, String path, String body, int owner) {
        jdbc.update("""
                insert into idempotency_key (principal, idempotency_key, request_hash, state, created_at, owner_instance)
                values (?, ?, ?, 'IN_PROGRESS', ?, ?)""",
                principal, key, requestHash("POST", path, body), Timestamp.from(Instant.now()), owner);
    }

    /** The fingerprint the ledger takes of a request (IdempotencyFilter.hash). */
    private static String requestHash(String method, String path, String body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "?\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
