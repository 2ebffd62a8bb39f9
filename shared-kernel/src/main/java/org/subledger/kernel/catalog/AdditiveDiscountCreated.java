package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** An additive discount definition was added to the catalog. Revision 2: its criteria gained the job section. */
@Revision("2")
public record AdditiveDiscountCreated(AdditiveDiscountDefinition definition) implements DomainEvent {
}
