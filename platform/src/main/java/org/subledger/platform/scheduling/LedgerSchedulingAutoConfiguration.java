package org.subledger.platform.scheduling;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.subledger.platform.axon.AxonStorageAutoConfiguration;

import java.time.Clock;

/**
 * The persistent scheduler: db-scheduler's Spring Boot auto-configuration builds the {@code Scheduler} on the
 * ledger's PostgreSQL ({@code scheduled_tasks}, created by Flyway), and Axon then uses its
 * {@code DbSchedulerDeadlineManager} and {@code DbSchedulerEventScheduler} instead of the in-memory ones. Here, only
 * db-scheduler's clock: it is the ledger's {@link Clock}, so "due" means due by the same clock as business dates.
 */
@AutoConfiguration(after = AxonStorageAutoConfiguration.class, before = DbSchedulerAutoConfiguration.class)
@ConditionalOnClass(DbSchedulerAutoConfiguration.class)
public class LedgerSchedulingAutoConfiguration {

    @Bean
    public com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
        return clock::instant;
    }
}
