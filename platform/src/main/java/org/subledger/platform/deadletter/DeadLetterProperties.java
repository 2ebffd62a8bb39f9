package org.subledger.platform.deadletter;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Handling of dead letters and failing event processors.
 *
 * @param retryInterval  how often every group's dead letters are retried by themselves (a fixed cause, or a failure
 *                       that was transient, then needs no operator)
 * @param retriesPerTick at most this many sequences retried per group and tick, so a large queue never holds the
 *                       node for long
 * @param stuckAfter     failed attempts in a row after which a processor segment counts as stuck: readiness DOWN
 *                       (the first failure is retried with each event in isolation, which dead-letters the faulty
 *                       one; a segment that still fails after that cannot move on by itself)
 */
@ConfigurationProperties("ledger.dead-letters")
public record DeadLetterProperties(Duration retryInterval, Integer retriesPerTick, Integer stuckAfter) {

    public DeadLetterProperties {
        retryInterval = retryInterval != null ? retryInterval : Duration.ofMinutes(5);
        retriesPerTick = retriesPerTick != null ? retriesPerTick : 20;
        stuckAfter = stuckAfter != null ? stuckAfter : 3;
    }
}
