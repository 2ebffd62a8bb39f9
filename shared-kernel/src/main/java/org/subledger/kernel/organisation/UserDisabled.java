package org.subledger.kernel.organisation;

import org.axonframework.serialization.Revision;

/** A user may no longer sign in; its API keys are refused too. */
@Revision("1")
public record UserDisabled(String userName) implements UserEvent {
}
