package org.subledger.kernel.usage;

import java.util.List;

/**
 * Record one mediation batch — usage detail records of many subscriptions — as one unit of work: each
 * subscription's records are decided as a {@link RecordUsageBatch} would decide them (a duplicate skipped, a refused
 * record refused alone), a subscription refused as a whole (unknown, not effective, out of the caller's scope)
 * records nothing, and everything the others record is appended and committed together.
 *
 * <p>{@code lookUpFirst}: look the records' ids up before deciding. Without it the batch takes its records for new,
 * decides, and claims their ids last; a claim found taken fails it whole, and its sender sends it again looking up
 * first (a batch sent again after a timeout, or repeating ids). Fresh records, the common case, skip the look-up.
 */
public record RecordMediationBatch(List<RecordUsageBatch> subscriptions, boolean lookUpFirst) {
    public RecordMediationBatch {
        subscriptions = List.copyOf(subscriptions == null ? List.of() : subscriptions);
    }

    /** A batch taking its records for new ({@code lookUpFirst} false). */
    public RecordMediationBatch(List<RecordUsageBatch> subscriptions) {
        this(subscriptions, false);
    }
}
