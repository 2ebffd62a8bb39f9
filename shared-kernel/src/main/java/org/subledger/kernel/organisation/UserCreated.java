package org.subledger.kernel.organisation;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Set;

/**
 * A user of the ledger was set up, enabled. {@code units} in order: the first is the unit the user acts for. The
 * password is never part of an event ({@link UserPasswordSet} says only that one was set).
 */
@Revision("1")
public record UserCreated(String userName, String displayName, Set<String> roles, List<String> units,
                          boolean superUser) implements UserEvent {
}
