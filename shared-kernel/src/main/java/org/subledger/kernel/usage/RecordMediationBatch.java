package org.subledger.kernel.usage;

import java.util.List;

/**
 * Record one mediation batch — usage detail records of many subscriptions — as one unit of work: each
 * subscription's records are decided as a {@link RecordUsageBatch} would decide them (a duplicate skipped, a refused
 * record refused alone), a subscription refused as a whole (unknown, not effective, out of the caller's scope)
 * records nothing, and everything the others record is appended and committed together.
 */
public record RecordMediationBatch(List<RecordUsageBatch> subscriptions) {
    public RecordMediationBatch {
        subscriptions = List.copyOf(subscriptions == null ? List.of() : subscriptions);
    }
}
