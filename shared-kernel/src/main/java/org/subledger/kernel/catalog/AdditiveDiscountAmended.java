package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/**
 * The definition of an additive discount was replaced (its state too); the event holds the whole new
 * definition. Revision 2: its criteria gained the job section.
 */
@Revision("2")
public record AdditiveDiscountAmended(AdditiveDiscountDefinition definition) implements DomainEvent {
}
