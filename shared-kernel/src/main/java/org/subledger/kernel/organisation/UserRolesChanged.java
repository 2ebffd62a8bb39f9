package org.subledger.kernel.organisation;

import org.axonframework.serialization.Revision;

import java.util.Set;

/** A user's roles (AGENT, SUPERVISOR, BILLING, AUDITOR, REPORTER, ADMIN) and super-user flag were changed. */
@Revision("1")
public record UserRolesChanged(String userName, Set<String> roles, boolean superUser) implements UserEvent {
}
