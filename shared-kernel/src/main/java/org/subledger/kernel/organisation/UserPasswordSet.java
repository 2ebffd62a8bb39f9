package org.subledger.kernel.organisation;

import org.axonframework.serialization.Revision;

/**
 * A user's password was set (or reset by an administrator); the previous one stops working. The password and its
 * hash are never in the event: the hash is kept in the directory's password table, written in the same transaction.
 */
@Revision("1")
public record UserPasswordSet(String userName) implements UserEvent {
}
