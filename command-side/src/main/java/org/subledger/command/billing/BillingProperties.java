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
 * @param leaseDuration   how long a node holds a bill run's partition without renewing it: after it, another node
 *                        takes the partition over (a segment of 1,000 takes about 0.5 s; renewed with every segment
 *                        and every lease check)
 * @param leaseCheck      how often a node looks for bill-run work: runs to select or complete, partitions whose lease
 *                        is free or ran out
 */
@ConfigurationProperties("ledger.billing")
record BillingProperties(Integer paymentTermDays, Integer segmentSize, Integer partitions, Duration segmentPause,
                         Duration leaseDuration, Duration leaseCheck) {

    BillingProperties {
        paymentTermDays = paymentTermDays != null ? paymentTermDays : 14;
        segmentSize = segmentSize != null ? segmentSize : 1_000;
        partitions = partitions != null ? partitions : 2;
        segmentPause = segmentPause != null ? segmentPause : Duration.ZERO;
        leaseDuration = leaseDuration != null ? leaseDuration : Duration.ofSeconds(30);
        leaseCheck = leaseCheck != null ? leaseCheck : Duration.ofSeconds(5);
        if (leaseCheck.compareTo(leaseDuration) >= 0) {
            throw new IllegalArgumentException("ledger.billing.lease-check (" + leaseCheck + ") must be shorter than "
                    + "ledger.billing.lease-duration (" + leaseDuration + "): leases are renewed at each check");
        }
    }
}
