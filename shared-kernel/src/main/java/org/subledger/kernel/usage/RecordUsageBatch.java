package org.subledger.kernel.usage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Record one mediation batch's usage detail records of one subscription as one unit of work. Unlike
 * {@link RecordUsage}, each record stands on its own: a record already seen (by record id) is a duplicate, a refused
 * record (its related service not effective, its usage service not orderable) is refused alone and records nothing,
 * and the batch's other records are recorded all the same.
 */
public record RecordUsageBatch(@TargetAggregateIdentifier String subscriptionId, List<UsageRecord> records) {
    public RecordUsageBatch {
        records = List.copyOf(records == null ? List.of() : records);
    }
}
