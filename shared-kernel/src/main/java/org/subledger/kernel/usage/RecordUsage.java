package org.subledger.kernel.usage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Record usage detail records on a subscription. Records already seen (by record id) are skipped; any refused record
 * refuses the whole command (nothing is recorded).
 */
public record RecordUsage(@TargetAggregateIdentifier String subscriptionId, List<UsageRecord> records) {
    public RecordUsage {
        records = List.copyOf(records == null ? List.of() : records);
    }
}
