package org.subledger.command.customerlogin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code customer_login_token} (this module's) and {@code customer_login} (the platform's, which authenticates
 * customers from it), written in the command's transaction: Axon's unit of work holds the Spring transaction the
 * event store appends in.
 */
@Repository
class JdbcCustomerLogins implements CustomerLogins {

    private final JdbcTemplate jdbc;

    JdbcCustomerLogins(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void invite(String accountId, String tokenHash, Instant expiresAt) {
        jdbc.update("""
                insert into customer_login_token (account_id, token_hash, expires_at) values (?, ?, ?)
                on conflict (account_id) do update set token_hash = excluded.token_hash,
                    expires_at = excluded.expires_at""", accountId, tokenHash, Timestamp.from(expiresAt));
    }

    @Override
    public Optional<String> accountOfToken(String tokenHash) {
        return jdbc.query("select account_id from customer_login_token where token_hash = ?",
                (row, index) -> row.getString(1), tokenHash).stream().findFirst();
    }

    @Override
    public boolean consumeToken(String accountId, String tokenHash) {
        return jdbc.update("delete from customer_login_token where account_id = ? and token_hash = ?",
                accountId, tokenHash) == 1;
    }

    @Override
    public void setPassword(String accountId, String alias, String passwordHash, Instant at) {
        jdbc.update("""
                insert into customer_login (account_id, alias, password_hash, changed_at) values (?, ?, ?, ?)
                on conflict (account_id) do update set alias = excluded.alias,
                    password_hash = excluded.password_hash, changed_at = excluded.changed_at""",
                accountId, alias, passwordHash, Timestamp.from(at));
    }
}
