package org.subledger.platform.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The ledger's deadline manager: Axon's db-scheduler one, configured as Axon's auto-configuration does, but finding a
 * scope's deadlines by key ({@link ScopeKeyedDeadlineManager}) so that cancelling one aggregate's deadlines does not
 * read every deadline pending. Before Axon's auto-configuration, which then keeps its own as the fallback it is.
 */
@AutoConfiguration(after = DbSchedulerAutoConfiguration.class, before = AxonDbSchedulerAutoConfiguration.class)
@ConditionalOnBean(Scheduler.class)
public class ScopeKeyedDeadlineAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public DeadlineManager deadlineManager(Scheduler scheduler, Configuration configuration,
                                           @Qualifier("eventSerializer") Serializer serializer,
                                           TransactionManager transactionManager,
                                           DeadlineManagerSpanFactory spanFactory, DataSource dataSource,
                                           Clock clock) {
        var builder = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                // db-scheduler's own auto-configuration starts and stops the scheduler
                .startScheduler(false)
                .stopScheduler(false);
        return new ScopeKeyedDeadlineManager(builder, scheduler, serializer, spanFactory, transactionManager,
                new JdbcTemplate(dataSource), clock);
    }

    /** Deadlines scheduled by an earlier version get their key once the ledger has started (one read of them all). */
    @Bean
    ApplicationListener<ApplicationReadyEvent> legacyDeadlinesRekeyed(DeadlineManager deadlineManager) {
        return event -> {
            if (deadlineManager instanceof ScopeKeyedDeadlineManager keyed) {
                keyed.rekeyLegacyDeadlines();
            }
        };
    }
}
