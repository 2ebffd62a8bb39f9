package org.subledger.kernel.usage;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A mediation batch's usage records were accepted and rated, together, as one event ({@code batchId}: the server's id
 * of the batch). Each record is what a {@link UsageRecorded} on its subscription's stream would have said; a record
 * stays unbilled until a bill's {@code SubscriptionBilled} lists its id, as a streamed one does.
 *
 * <p>Stored without an aggregate (no subscription's stream holds it), so a batch of a thousand records is one event
 * row for every processor to read instead of a thousand (issue 17). Only the records of subscriptions whose usage is
 * not paid from the wallet take this form: a subscription whose billing term scheme settles usage from the wallet,
 * and every subscription while an event charge rule charges for recording usage, keep a {@code UsageRecorded} per
 * record on their streams.
 */
@Revision("1")
public record UsageBatchRecorded(String batchId, List<UsageRecorded> records) {
    public UsageBatchRecorded {
        records = List.copyOf(records == null ? List.of() : records);
    }

    /** The batch's records of one subscription, in the batch's order. */
    public List<UsageRecorded> recordsOf(String subscriptionId) {
        return records.stream().filter(record -> record.subscriptionId().equals(subscriptionId)).toList();
    }
}
