package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/**
 * The customer used the activation token and set a password: from now on it logs in with {@code login} (the
 * account number; its identity or registration number works too) and reads its own account. The password is never
 * recorded here.
 */
@Revision("1")
public record CustomerLoginActivated(String accountId, String login) implements DomainEvent {
}
