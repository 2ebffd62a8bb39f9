package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** A provisioning provider was added to the catalog. */
@Revision("1")
public record ProviderCreated(ProviderDefinition definition) implements DomainEvent {
}
