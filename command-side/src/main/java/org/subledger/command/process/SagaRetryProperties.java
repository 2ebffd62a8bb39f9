package org.subledger.command.process;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a saga's technical failure is retried ({@code ledger.sagas.*}): in place, {@code retries} more attempts
 * (default 3), the first after {@code first-back-off} (default 500 ms), each next one after twice the previous
 * (0.5 s, 1 s, 2 s: the processor's segment waits meanwhile, so the total stays a few seconds); then dead-lettered,
 * and its letters retried every {@code dead-letter-retry-interval} (default 5 minutes).
 */
@ConfigurationProperties("ledger.sagas")
public record SagaRetryProperties(Integer retries, Duration firstBackOff, Duration deadLetterRetryInterval) {

    public SagaRetryProperties {
        retries = retries == null ? 3 : Math.max(0, retries);
        firstBackOff = firstBackOff == null ? Duration.ofMillis(500) : firstBackOff;
        deadLetterRetryInterval = deadLetterRetryInterval == null ? Duration.ofMinutes(5) : deadLetterRetryInterval;
    }

    List<Duration> backOffs() {
        List<Duration> backOffs = new ArrayList<>();
        for (int retry = 0; retry < retries; retry++) {
            backOffs.add(firstBackOff.multipliedBy(1L << Math.min(retry, 16)));
        }
        return backOffs;
    }
}
