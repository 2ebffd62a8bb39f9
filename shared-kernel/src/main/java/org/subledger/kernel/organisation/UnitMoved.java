package org.subledger.kernel.organisation;

import org.axonframework.serialization.Revision;

/** A unit was put under another parent (null: it became a root), with everything under it. */
@Revision("1")
public record UnitMoved(String code, String parent) implements UnitEvent {
}
