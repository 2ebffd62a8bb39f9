package org.subledger.platform.deadletter;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** One retry interval for every group; the sagas' former setting still counts where the common one is not set. */
class DeadLetterRetryIntervalTest {

    static final SagaRetryProperties SAGAS_EVERY_MINUTE = new SagaRetryProperties(null, null, Duration.ofMinutes(1));

    @Test
    void theCommonIntervalDefaultsToFiveMinutes() {
        assertThat(DeadLetterAutoConfiguration.retryInterval(new DeadLetterProperties(null, null, null),
                new SagaRetryProperties(null, null, null), new MockEnvironment())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theSagasFormerIntervalCountsWhenTheCommonOneIsNotSet() {
        assertThat(DeadLetterAutoConfiguration.retryInterval(new DeadLetterProperties(null, null, null),
                SAGAS_EVERY_MINUTE, new MockEnvironment())).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theCommonIntervalWinsWhenBothAreSet() {
        var environment = new MockEnvironment().withProperty("ledger.dead-letters.retry-interval", "PT10M");
        assertThat(DeadLetterAutoConfiguration.retryInterval(new DeadLetterProperties(Duration.ofMinutes(10), null,
                null), SAGAS_EVERY_MINUTE, environment)).isEqualTo(Duration.ofMinutes(10));
    }
}
