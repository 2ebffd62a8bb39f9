package org.subledger.kernel.collections;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

import java.util.List;

/** A batch of the run was carried out: per subscription, acted on or refused (with the refusal's code). */
@Revision("1")
public record CollectionRunBatchProcessed(String runId, int batchNo, List<RunOutcome> outcomes) implements DomainEvent {
}
