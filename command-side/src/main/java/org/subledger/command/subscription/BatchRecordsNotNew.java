package org.subledger.command.subscription;

import org.axonframework.common.AxonNonTransientException;
import org.subledger.command.usage.RecordIdsTaken;

/**
 * A mediation batch that took its records for new found one of their ids claimed when it claimed them last
 * ({@link MediationBatchHandler}): nothing of it was recorded, and {@link MediationBatches} sends it again looking its
 * ids up first. Non-transient: the gateway does not send the same command again.
 */
class BatchRecordsNotNew extends AxonNonTransientException {

    BatchRecordsNotNew(RecordIdsTaken taken) {
        super("A record of the batch was recorded already; the batch is decided again after looking its ids up",
                taken);
    }
}
