package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys for API clients, and HTTP Basic without bcrypt on every request: a key is created with a subset of its
 * user's roles and shown once, used as a bearer token, listed with its last use, and refused as soon as it is revoked;
 * a cached Basic login still refuses a wrong password.
 */
class ApiKeysIT extends LedgerIT {

    @Test
    void aKeyIsShownOnceUsedAsABearerTokenAndRefusedAtOnceWhenRevoked() {
        var created = api.post("agent", "/api/api-keys", "{\"name\": \"shop till 1\"}");
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asText();
        String keyId = created.json().get("id").asText();
        assertThat(key).startsWith("sk_test_").hasSize("sk_test_".length() + 40);
        assertThat(created.json().get("roles").get(0).asText()).isEqualTo("AGENT");

        String id = openAccount(key);
        Instant firstUseWritten = lastUseStored(keyId);
        var charged = bearer(key, "POST", "/api/accounts/" + id + "/charges", "{\"amount\": 9.00}");
        assertThat(charged.status()).isEqualTo(201);
        // the last use is written at most once a minute, not on every request
        assertThat(firstUseWritten).isNotNull();
        assertThat(lastUseStored(keyId)).isEqualTo(firstUseWritten);
        JsonNode charge = AccountsIT.events(api.get("auditor", "/api/audit/accounts/" + id + "/events").json()).get(1);
        assertThat(charge.get("metadata").get("principal").asText()).isEqualTo("agent");

        JsonNode listed = onlyKey(api.get("agent", "/api/api-keys").json(), keyId);
        assertThat(listed.get("prefix").asText()).isEqualTo(key.substring(0, "sk_test_".length() + 4));
        assertThat(Instant.parse(listed.get("lastUsedAt").asText())).isAfterOrEqualTo(firstUseWritten);
        assertThat(listed.toString()).doesNotContain(key);
        assertThat(jdbc.queryForObject("select secret_hash from api_key where id = ?::uuid", String.class, keyId))
                .matches("[0-9a-f]{64}");

        var revoked = api.post("agent", "/api/api-keys/" + keyId + "/revoke", null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revokedBy").asText()).isEqualTo("agent");
        long before = eventCount(id);
        var refused = bearer(key, "POST", "/api/accounts/" + id + "/charges", "{\"amount\": 9.00}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(eventCount(id)).isEqualTo(before);
        assertThat(onlyKey(api.get("agent", "/api/api-keys").json(), keyId).get("revokedAt").isNull()).isFalse();
    }

    @Test
    void aKeyCannotHaveARoleItsUserDoesNotHave() {
        var refused = api.post("agent", "/api/api-keys", "{\"name\": \"too much\", \"roles\": [\"ADMIN\"]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().get("fields").has("roles")).isTrue();
        assertThat(api.get("agent", "/api/api-keys").json().get("keys").toString()).doesNotContain("too much");
    }

    @Test
    void aKeyOfAReadOnlyUserReadsButIssuesNoCommand() {
        String id = api.openAccount("Read", "Only", "100");
        var reporterKey = api.post("reporter", "/api/api-keys", "{\"name\": \"dashboards\"}");
        String readOnly = reporterKey.json().get("key").asText();
        assertThat(bearer(readOnly, "GET", "/api/accounts?status=UNSETTLED", null).status()).isEqualTo(200);
        var command = bearer(readOnly, "POST", "/api/accounts/" + id + "/charges", "{\"amount\": 1.00}");
        assertThat(command.status()).isEqualTo(403);
        assertThat(command.json().get("code").asText()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void aKeyCannotMintKeys() {
        String key = api.post("agent", "/api/api-keys", "{\"name\": \"till\"}").json().get("key").asText();
        var refused = bearer(key, "POST", "/api/api-keys", "{\"name\": \"child\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void anUnknownKeyIsRefused() {
        var refused = bearer("sk_test_" + "A".repeat(40), "GET", "/api/accounts?status=UNSETTLED", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aCachedBasicLoginStillRefusesAWrongPassword() {
        String path = "/api/accounts?status=UNSETTLED";
        assertThat(basic("reporter", "demo", path).status()).isEqualTo(200);
        assertThat(basic("reporter", "demo", path).status()).isEqualTo(200);
        var wrong = basic("reporter", "not-demo", path);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(basic("reporter", "demo", path).status()).isEqualTo(200);
    }

    private Instant lastUseStored(String keyId) {
        var stored = jdbc.queryForObject("select last_used_at from api_key where id = ?::uuid", Timestamp.class, keyId);
        return stored == null ? null : stored.toInstant();
    }

    private String openAccount(String key) {
        var opened = bearer(key, "POST", "/api/accounts", """
                {"type":"PERSON","firstName":"Key","lastName":"Holder","currency":"EUR","creditLimit":100}""");
        assertThat(opened.status()).isEqualTo(201);
        return opened.json().get("accountId").asText();
    }

    private Api.Response bearer(String key, String method, String path, String json) {
        return api.send(null, method, path, json, Map.of("Authorization", "Bearer " + key));
    }

    private Api.Response basic(String user, String password, String path) {
        return api.send(null, "GET", path, null, Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    private static JsonNode onlyKey(JsonNode list, String keyId) {
        for (JsonNode key : list.get("keys")) {
            if (key.get("id").asText().equals(keyId)) {
                return key;
            }
        }
        throw new AssertionError("key " + keyId + " not listed: " + list);
    }
}
