package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

import java.time.Instant;

/**
 * An agent invited the account's customer to log in: a one-time activation token was handed out, valid until
 * {@code expiresAt}; it replaces any token handed out before. The token itself is a secret and never recorded here.
 */
@Revision("1")
public record CustomerLoginInvited(String accountId, Instant expiresAt) implements DomainEvent {
}
