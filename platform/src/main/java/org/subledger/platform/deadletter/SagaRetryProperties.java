package org.subledger.platform.deadletter;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a saga's technical failure is retried in place ({@code ledger.sagas.*}): {@code retries} more attempts
 * (default 3), the first after {@code first-back-off} (default 500 ms), each next one after twice the previous
 * (0.5 s, 1 s, 2 s: the processor's segment waits meanwhile, so the total stays a few seconds); then dead-lettered,
 * and retried with every group's letters ({@link DeadLetterProperties}).
 *
 * @param deadLetterRetryInterval the former sagas-only retry interval, kept so existing settings still work: it
 *                                sets {@code ledger.dead-letters.retry-interval} when that is not set itself
 */
@ConfigurationProperties("ledger.sagas")
public record SagaRetryProperties(Integer retries, Duration firstBackOff, Duration deadLetterRetryInterval) {

    public SagaRetryProperties {
        retries = retries == null ? 3 : Math.max(0, retries);
        firstBackOff = firstBackOff == null ? Duration.ofMillis(500) : firstBackOff;
    }

    List<Duration> backOffs() {
        List<Duration> backOffs = new ArrayList<>();
        for (int retry = 0; retry < retries; retry++) {
            backOffs.add(firstBackOff.multipliedBy(1L << Math.min(retry, 16)));
        }
        return backOffs;
    }
}
