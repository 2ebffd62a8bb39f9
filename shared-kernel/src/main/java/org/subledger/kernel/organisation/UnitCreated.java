package org.subledger.kernel.organisation;

import org.axonframework.serialization.Revision;

/** An organisational unit was set up; {@code parent} is null for a root (the operator, a third party). */
@Revision("1")
public record UnitCreated(String code, String name, UnitKind kind, String parent) implements UnitEvent {
}
