package org.subledger.command.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the usage-bill worker ({@link UsageBillWorker}).
 *
 * @param groupSize    asks billed together at most, in one transaction
 * @param attempts     attempts at an ask whose bill fails on a defect before it is dead-lettered
 * @param firstPause   pause before the second attempt at such an ask, doubled for each further one
 * @param maxPause     the longest pause between two attempts
 * @param pollInterval how often the worker looks for asks when nothing woke it (asks another node recorded, asks
 *                     whose pause ran out); asks this node records wake it at once
 */
@ConfigurationProperties("ledger.usage-bills")
record UsageBillProperties(Integer groupSize, Integer attempts, Duration firstPause, Duration maxPause,
                           Duration pollInterval) {

    UsageBillProperties {
        groupSize = groupSize != null ? groupSize : 200;
        attempts = attempts != null ? attempts : 5;
        firstPause = firstPause != null ? firstPause : Duration.ofSeconds(1);
        maxPause = maxPause != null ? maxPause : Duration.ofMinutes(5);
        pollInterval = pollInterval != null ? pollInterval : Duration.ofSeconds(1);
        if (groupSize < 1 || attempts < 1) {
            throw new IllegalArgumentException("ledger.usage-bills.group-size (" + groupSize
                    + ") and ledger.usage-bills.attempts (" + attempts + ") must be at least 1");
        }
        if (firstPause.isNegative() || maxPause.compareTo(firstPause) < 0 || pollInterval.isNegative()
                || pollInterval.isZero()) {
            throw new IllegalArgumentException("ledger.usage-bills: first-pause (" + firstPause + ") must not be"
                    + " negative nor above max-pause (" + maxPause + "), poll-interval (" + pollInterval
                    + ") must be positive");
        }
    }

    /** The pause after the {@code failedAttempts}-th failed attempt. */
    Duration pauseAfter(int failedAttempts) {
        Duration pause = firstPause;
        for (int i = 1; i < failedAttempts && pause.compareTo(maxPause) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxPause) > 0 ? maxPause : pause;
    }
}
