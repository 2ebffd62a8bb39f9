package org.subledger.command.collections;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the collections runs' execution.
 *
 * @param check         how often a node looks for run work: runs started, runs whose pause between batches is over,
 *                      runs left by a stopped node
 * @param leaseDuration how long a node holds a run without renewing it (renewed with every batch): after it, another
 *                      node takes the run over
 * @param nodeName      names this node in the leases it holds (default: pid@host); a random suffix is added
 * @param parallelism   how many subscriptions of a deactivation or reactivation batch are acted on at a time
 *                      (default 4: the commands mostly wait for their commits; see docs/benchmarks.md)
 */
@ConfigurationProperties("ledger.collections")
record CollectionsProperties(Duration check, Duration leaseDuration, String nodeName, Integer parallelism) {

    CollectionsProperties {
        check = check != null ? check : Duration.ofSeconds(5);
        leaseDuration = leaseDuration != null ? leaseDuration : Duration.ofSeconds(60);
        nodeName = nodeName != null && !nodeName.isBlank() ? nodeName
                : java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        parallelism = parallelism != null && parallelism > 0 ? parallelism : 4;
    }
}
