package org.subledger.kernel.organisation;

import org.axonframework.serialization.Revision;

/** Unit {@code code} no longer collaborates with unit {@code with}. */
@Revision("1")
public record CollaborationEnded(String code, String with) implements UnitEvent {
}
