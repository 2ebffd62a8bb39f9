package org.subledger.platform.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Webhook delivery ({@code ledger.webhooks.*}). A failed attempt is retried after {@code initialBackoff}, doubling
 * up to {@code maxBackoff}, until {@code maxAttempts}; the delivery is then FAILED and waits for an operator's retry.
 *
 * @param enabled        whether this node delivers (every node enqueues through the one processing group)
 * @param pollInterval   how often the deliverer looks for due deliveries
 * @param batchSize      deliveries claimed per look
 * @param timeout        one attempt's connect-and-answer limit
 * @param initialBackoff the wait after the first failed attempt
 * @param maxBackoff     the longest wait between attempts
 * @param maxAttempts    attempts before a delivery is FAILED
 */
@ConfigurationProperties("ledger.webhooks")
public record WebhookProperties(Boolean enabled, Duration pollInterval, Integer batchSize, Duration timeout,
                                Duration initialBackoff, Duration maxBackoff, Integer maxAttempts) {

    public WebhookProperties {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize == null ? 50 : batchSize;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
    }

    /** The wait after the given number of failed attempts (1 = the first failure). */
    Duration backoffAfter(int failedAttempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
