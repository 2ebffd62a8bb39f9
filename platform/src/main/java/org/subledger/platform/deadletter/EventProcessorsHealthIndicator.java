package org.subledger.platform.deadletter;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.List;
import java.util.Map;

/**
 * DOWN while a streaming processor segment of this node is stuck: it failed {@code stuckAfter} batches in a row, so
 * even handling its events one by one (which dead-letters a faulty event) did not move it on, and its read model or
 * process no longer follows the events. Failures that have not reached that point are shown, status UP: the next
 * attempt isolates them.
 */
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final ProcessingFailures failures;
    private final int stuckAfter;

    EventProcessorsHealthIndicator(ProcessingFailures failures, int stuckAfter) {
        super("Event processors check failed");
        this.failures = failures;
        this.stuckAfter = stuckAfter;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<ProcessingFailures.Failure> current = failures.current();
        boolean stuck = current.stream().anyMatch(failure -> failure.attempts() >= stuckAfter);
        (stuck ? builder.down() : builder.up()).withDetail("failingSegments", current.stream()
                .map(failure -> Map.of("processor", failure.processor(), "segment", failure.segment(),
                        "attempts", failure.attempts(), "since", failure.since().toString(),
                        "lastAttempt", failure.lastAttempt().toString(), "cause", failure.cause(),
                        "stuck", failure.attempts() >= stuckAfter))
                .toList());
    }
}
