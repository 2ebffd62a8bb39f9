package org.subledger.kernel.organisation;

import org.axonframework.serialization.Revision;

/** A disabled user may sign in again. */
@Revision("1")
public record UserEnabled(String userName) implements UserEvent {
}
