package org.subledger.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Tuning of the Axon infrastructure.
 *
 * @param gapTimeout          how long the event store waits for a gap in global indexes (a slow transaction still
 *                            committing) before giving up on it; far above the longest command transaction
 * @param processorBatchSize  events one projection transaction handles (the main lever of replay speed)
 * @param processorSegments   segments per processor, split across threads and nodes
 * @param commandRetries      retries of a command that hit a concurrency conflict
 * @param commandRetryInterval pause before such a retry
 * @param sharedProcessors    streaming processors that several processing groups share, by name, each with its
 *                            groups: one token, one fetch of each event, one thread pool for all of them, while
 *                            each group keeps its own handlers and its own dead-letter queue
 *                            (see {@link ProcessorTopology});
 *                            every group not listed has a processor of its own, named after it
 * @param dispatchingProcessors the shared processors whose handlers send commands (the process managers'): their
 *                            units of work keep the correlation data every message sent needs; the other shared
 *                            processors send nothing ({@link NothingDispatched})
 */
@ConfigurationProperties("ledger.axon")
public record LedgerAxonProperties(Duration gapTimeout,
                                   Integer processorBatchSize,
                                   Integer processorSegments,
                                   Integer commandRetries,
                                   Duration commandRetryInterval,
                                   Map<String, List<String>> sharedProcessors,
                                   List<String> dispatchingProcessors) {

    public LedgerAxonProperties {
        gapTimeout = gapTimeout != null ? gapTimeout : Duration.ofMinutes(10);
        processorBatchSize = processorBatchSize != null ? processorBatchSize : 500;
        processorSegments = processorSegments != null ? processorSegments : 2;
        commandRetries = commandRetries != null ? commandRetries : 8;
        commandRetryInterval = commandRetryInterval != null ? commandRetryInterval : Duration.ofMillis(20);
        sharedProcessors = sharedProcessors != null ? Map.copyOf(sharedProcessors) : Map.of();
        dispatchingProcessors = dispatchingProcessors != null ? List.copyOf(dispatchingProcessors) : List.of();
    }
}
