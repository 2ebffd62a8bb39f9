package org.subledger.kernel.organisation;

import org.axonframework.serialization.Revision;

/**
 * Unit {@code code} collaborates with unit {@code with}: its members may see and select what the members of
 * {@code with} may. Directional: {@code with}'s members gain nothing.
 */
@Revision("1")
public record CollaborationStarted(String code, String with) implements UnitEvent {
}
