package org.subledger.platform.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.Map;

/**
 * {@code ledger.dead.letters{group=...}} ({@code ledger_dead_letters} in Prometheus): the dead letters of each group
 * with a queue. One query answers every group's gauge and is reused for a second, so a scrape costs one query.
 */
final class DeadLetterMetrics {

    static final String METRIC = "ledger.dead.letters";
    private static final long REUSE_NANOS = Duration.ofSeconds(1).toNanos();

    private final DeadLetters deadLetters;
    private Map<String, Long> counts = Map.of();
    private long countedAt;

    DeadLetterMetrics(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    void register(MeterRegistry registry) {
        for (String group : deadLetters.groups()) {
            Gauge.builder(METRIC, this, metrics -> metrics.count(group)).tag("group", group).strongReference(true)
                    .description("dead letters of the processing group, waiting for a retry or an operator")
                    .register(registry);
        }
    }

    private synchronized double count(String group) {
        long now = System.nanoTime();
        if (countedAt == 0 || now - countedAt > REUSE_NANOS) {
            counts = deadLetters.counts();
            countedAt = now;
        }
        return counts.getOrDefault(group, 0L);
    }
}
