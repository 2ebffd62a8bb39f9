package org.subledger.platform.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The {@code api_key} table. */
final class ApiKeyStore {

    /** A stored key, without its secret (the table has only the secret's hash). */
    record StoredKey(UUID id, String displayPrefix, String name, String principal, Set<String> roles,
                     Instant createdAt, String createdBy, Instant revokedAt, String revokedBy, Instant lastUsedAt) {
        boolean revoked() {
            return revokedAt != null;
        }
    }

    private static final String COLUMNS = "id, display_prefix, name, principal, roles, created_at, created_by, "
            + "revoked_at, revoked_by, last_used_at";
    private static final RowMapper<StoredKey> ROW = (rs, row) -> new StoredKey(rs.getObject("id", UUID.class),
            rs.getString("display_prefix"), rs.getString("name"), rs.getString("principal"),
            new TreeSet<>(Arrays.asList(rs.getString("roles").split(","))), instant(rs.getTimestamp("created_at")),
            rs.getString("created_by"), instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"),
            instant(rs.getTimestamp("last_used_at")));

    private final JdbcTemplate jdbc;

    ApiKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredKey key, String secretHash) {
        jdbc.update("""
                insert into api_key (id, secret_hash, display_prefix, name, principal, roles, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                key.id(), secretHash, key.displayPrefix(), key.name(), key.principal(), String.join(",", key.roles()),
                Timestamp.from(key.createdAt()), key.createdBy());
    }

    Optional<StoredKey> byHash(String secretHash) {
        return jdbc.query("select " + COLUMNS + " from api_key where secret_hash = ?", ROW, secretHash).stream()
                .findFirst();
    }

    Optional<StoredKey> byId(UUID id) {
        return jdbc.query("select " + COLUMNS + " from api_key where id = ?", ROW, id).stream().findFirst();
    }

    List<StoredKey> ofPrincipal(String principal) {
        return jdbc.query("select " + COLUMNS + " from api_key where principal = ? order by created_at, id", ROW,
                principal);
    }

    List<StoredKey> all() {
        return jdbc.query("select " + COLUMNS + " from api_key order by principal, created_at, id", ROW);
    }

    /** @return whether this call revoked it (false: it was revoked already) */
    boolean revoke(UUID id, String by, Instant at) {
        return jdbc.update("update api_key set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null",
                Timestamp.from(at), by, id) == 1;
    }

    void used(UUID id, Instant at) {
        jdbc.update("update api_key set last_used_at = greatest(last_used_at, ?) where id = ?", Timestamp.from(at), id);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
