package org.subledger.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Tuning of the Axon infrastructure.
 *
 * @param gapTimeout          how long the event store waits for a gap in global indexes (a slow transaction still
 *                            committing) before giving up on it; far above the longest command transaction
 * @param processorBatchSize  events one projection transaction handles (the main lever of replay speed)
 * @param processorSegments   segments per processor, split across threads and nodes
 * @param commandRetries      retries of a command that hit a concurrency conflict
 * @param commandRetryInterval pause before such a retry
 */
@ConfigurationProperties("ledger.axon")
public record LedgerAxonProperties(Duration gapTimeout,
                                   Integer processorBatchSize,
                                   Integer processorSegments,
                                   Integer commandRetries,
                                   Duration commandRetryInterval) {

    public LedgerAxonProperties {
        gapTimeout = gapTimeout != null ? gapTimeout : Duration.ofMinutes(10);
        processorBatchSize = processorBatchSize != null ? processorBatchSize : 500;
        processorSegments = processorSegments != null ? processorSegments : 2;
        commandRetries = commandRetries != null ? commandRetries : 8;
        commandRetryInterval = commandRetryInterval != null ? commandRetryInterval : Duration.ofMillis(20);
    }
}
