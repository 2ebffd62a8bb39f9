package org.subledger.command.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the billing engine.
 *
 * @param paymentTermDays days from a bill's issue to its due date
 * @param segmentSize     subscriptions billed per transaction by a bill run (read together, appended together)
 * @param partitions      parts a bill run is split into, by account (one account's bills are always posted by one
 *                        worker); each is billed by one node at a time, so this is the run's parallelism over all nodes
 * @param workers         partitions a node bills at once (default: all of them, for a single node)
 * @param nodeName        names this node in the leases it holds (default: pid@host); a random suffix is added, so a
 *                        restarted node never takes its former self's leases for its own
 * @param segmentPause    pause between two segments of a worker: throttles a run to leave capacity for the API
 * @param leaseDuration   how long a node holds a bill run's partition without renewing it: after it, another node
 *                        takes the partition over (a segment of 1,000 takes about 0.5 s; renewed with every segment
 *                        and every lease check)
 * @param leaseCheck      how often a node looks for bill-run work: runs to select or complete, partitions whose lease
 *                        is free or ran out
 * @param foldCacheSize   subscription and account streams whose folds usage bills keep between bills
 *                        ({@link StreamFolds}), the least recently used dropped beyond it
 */
@ConfigurationProperties("ledger.billing")
record BillingProperties(Integer paymentTermDays, Integer segmentSize, Integer partitions, Duration segmentPause,
                         Duration leaseDuration, Duration leaseCheck, Integer workers, String nodeName,
                         Integer foldCacheSize) {

    BillingProperties {
        paymentTermDays = paymentTermDays != null ? paymentTermDays : 14;
        segmentSize = segmentSize != null ? segmentSize : 1_000;
        partitions = partitions != null ? partitions : 2;
        segmentPause = segmentPause != null ? segmentPause : Duration.ZERO;
        workers = workers != null ? workers : partitions;
        nodeName = nodeName != null && !nodeName.isBlank() ? nodeName
                : java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        leaseDuration = leaseDuration != null ? leaseDuration : Duration.ofSeconds(30);
        leaseCheck = leaseCheck != null ? leaseCheck : Duration.ofSeconds(5);
        foldCacheSize = foldCacheSize != null ? foldCacheSize : 4_096;
        if (foldCacheSize < 0) {
            throw new IllegalArgumentException("ledger.billing.fold-cache-size (" + foldCacheSize + ") is negative");
        }
        if (leaseCheck.compareTo(leaseDuration) >= 0) {
            throw new IllegalArgumentException("ledger.billing.lease-check (" + leaseCheck + ") must be shorter than "
                    + "ledger.billing.lease-duration (" + leaseDuration + "): leases are renewed at each check");
        }
    }
}
