package org.subledger.kernel.organisation;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The units a user belongs to were changed; the first is the unit the user acts for. */
@Revision("1")
public record UserUnitsChanged(String userName, List<String> units) implements UserEvent {
}
