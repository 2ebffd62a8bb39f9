package org.subledger.kernel.organisation;

import org.axonframework.serialization.Revision;

/** A unit got a new name; its code stays. */
@Revision("1")
public record UnitRenamed(String code, String name) implements UnitEvent {
}
