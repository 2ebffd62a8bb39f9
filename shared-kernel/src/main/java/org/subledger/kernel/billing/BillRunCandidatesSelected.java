package org.subledger.kernel.billing;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** The subscriptions a bill run will look at were selected: {@code subscriptionsTotal} of them. */
@Revision("1")
public record BillRunCandidatesSelected(String runId, long subscriptionsTotal) implements DomainEvent {
}
