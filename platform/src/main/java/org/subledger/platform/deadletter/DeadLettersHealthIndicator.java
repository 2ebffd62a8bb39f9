package org.subledger.platform.deadletter;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.util.Map;

/**
 * {@value #STATUS} while any group has dead letters: every other event is handled, so the node stays ready and its
 * HTTP status 200, but the status is not UP, so monitoring sees that some events wait for an operator (details per
 * group for administrators; the letters themselves at {@code /api/admin/dead-letters}).
 */
class DeadLettersHealthIndicator extends AbstractHealthIndicator {

    static final String STATUS = "DEAD_LETTERS";

    private final DeadLetters deadLetters;

    DeadLettersHealthIndicator(DeadLetters deadLetters) {
        super("Dead-letter check failed");
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> counts = deadLetters.counts();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        builder.status(total > 0 ? new Status(STATUS) : Status.UP)
                .withDetail("total", total)
                .withDetail("groups", counts);
    }
}
