package org.subledger.kernel.collections;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** Every batch of the run was carried out. */
@Revision("1")
public record CollectionRunCompleted(String runId,
                                     int matched,
                                     int acted,
                                     int failed,
                                     int batches) implements DomainEvent {
}
