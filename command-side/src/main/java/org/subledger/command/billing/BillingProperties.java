package org.subledger.command.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the billing engine.
 *
 * @param paymentTermDays days from a bill's issue to its due date
 * @param segmentSize     subscriptions billed per transaction by a bill run (read together, appended together)
 * @param partitions      parallel workers of a bill run; subscriptions are split between them by account, so one
 *                        account's bills are always posted by one worker
 * @param segmentPause    pause between two segments of a worker: throttles a run to leave capacity for the API
 */
@ConfigurationProperties("ledger.billing")
record BillingProperties(Integer paymentTermDays, Integer segmentSize, Integer partitions, Duration segmentPause) {

    BillingProperties {
        paymentTermDays = paymentTermDays != null ? paymentTermDays : 14;
        segmentSize = segmentSize != null ? segmentSize : 1_000;
        partitions = partitions != null ? partitions : 2;
        segmentPause = segmentPause != null ? segmentPause : Duration.ZERO;
    }
}
