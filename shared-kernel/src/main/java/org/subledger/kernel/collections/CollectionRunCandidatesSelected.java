package org.subledger.kernel.collections;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

import java.util.List;

/** The subscriptions the run acts on, frozen when it started selecting (its matched subscriptions). */
@Revision("1")
public record CollectionRunCandidatesSelected(String runId, List<String> subscriptionIds) implements DomainEvent {
}
