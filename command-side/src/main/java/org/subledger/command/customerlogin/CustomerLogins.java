package org.subledger.command.customerlogin;

import java.time.Instant;
import java.util.Optional;

/**
 * The secrets of customer logins, kept beside the account's events and never in them: the SHA-256 of the one
 * activation token each account may have outstanding, and the bcrypt hash of the password the customer set. Written
 * by the account's command handlers inside their unit of work, so a row changes exactly when the event is recorded.
 */
public interface CustomerLogins {

    /** Keeps the token's hash as the account's only outstanding token; an earlier one no longer activates anything. */
    void invite(String accountId, String tokenHash, Instant expiresAt);

    /** The account a token hash was issued for, if it is still outstanding. */
    Optional<String> accountOfToken(String tokenHash);

    /** Uses up the account's outstanding token if it is {@code tokenHash}; {@code false} if it is not outstanding. */
    boolean consumeToken(String accountId, String tokenHash);

    /**
     * Sets the customer's password; {@code alias} (the identity or registration number, may be {@code null}) logs in
     * as well as the account number.
     */
    void setPassword(String accountId, String alias, String passwordHash, Instant at);
}
