package org.subledger.platform.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The segments of this node's streaming processors whose last batch failed: what makes the next attempt handle its
 * events in isolation, and what health reports. A segment leaves the list when a batch of it commits. A failure not
 * repeated for a while is forgotten (the segment may have moved to another node, which then reports it itself):
 * a failing segment is retried at least once a minute by Axon's back-off.
 */
public class ProcessingFailures {

    private static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(2);

    private final Map<Key, Failure> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public ProcessingFailures(Clock clock) {
        this.clock = clock;
    }

    /** One segment's run of failed batches. */
    public record Failure(String processor, int segment, int attempts, Instant since, Instant lastAttempt,
                          String cause) {
    }

    private record Key(String processor, int segment) {
    }

    void failed(String processor, int segment, Throwable cause) {
        Instant now = clock.instant();
        String description = cause == null ? "unknown" : FailureCauses.describe(cause).message();
        failures.compute(new Key(processor, segment), (key, previous) -> previous == null
                ? new Failure(processor, segment, 1, now, now, description)
                : new Failure(processor, segment, previous.attempts() + 1, previous.since(), now, description));
    }

    void succeeded(String processor, int segment) {
        failures.remove(new Key(processor, segment));
    }

    boolean isFailing(String processor, int segment) {
        return failures.containsKey(new Key(processor, segment));
    }

    /** The failures still current, oldest first. */
    public List<Failure> current() {
        Instant horizon = clock.instant().minus(FORGOTTEN_AFTER);
        failures.values().removeIf(failure -> failure.lastAttempt().isBefore(horizon));
        return failures.values().stream()
                .sorted(Comparator.comparing(Failure::since)).toList();
    }
}
