package org.subledger.platform.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.subledger.platform.axon.AxonStorageAutoConfiguration;
import org.subledger.platform.axon.ProcessorTopology;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * One bad event never stops the others: a streaming processor whose batch failed handles the segment's next batch
 * event by event, each in a savepoint, so the faulty event goes to its group's dead-letter queue and the rest
 * commits (later events of the same aggregate queue behind it). Around that: failing processors and dead letters in
 * health, a gauge per group, the administrators' API, and a scheduled retry. Sagas, whose failures Axon does not
 * dead-letter, get the same queue, API and retry through {@link SagaDeadLettering}.
 */
@AutoConfiguration(after = AxonStorageAutoConfiguration.class, before = EventProcessingAutoConfiguration.class)
@EnableConfigurationProperties({DeadLetterProperties.class, SagaRetryProperties.class})
public class DeadLetterAutoConfiguration {

    @Bean
    public ProcessingFailures processingFailures(Clock clock) {
        return new ProcessingFailures(clock);
    }

    /** Axon's module: savepoints per group in shared processors, cached dead-letter lookups. */
    @Bean
    public EventProcessingModule eventProcessingModule(DataSource dataSource) {
        return new LedgerEventProcessingModule(dataSource);
    }

    @Bean
    public ConfigurerModule eventIsolation(DataSource dataSource, ProcessingFailures failures,
                                           ProcessorTopology topology) {
        var savepoints = new EventSavepoints(dataSource);
        // a processor's events are isolated when any of its groups dead-letters (a shared processor runs only such)
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((config, processorName) -> new EventIsolationInterceptor(
                        processorName,
                        () -> topology.groupsOf(processorName).stream().anyMatch(group ->
                                config.eventProcessingConfiguration().sequencedDeadLetterProcessor(group)
                                        .isPresent()),
                        failures, savepoints))
                .registerDefaultDeadLetterPolicy(config -> new IsolatingEnqueuePolicy());
    }

    @Bean
    public ConfigurerModule sagaDeadLettering(ListableBeanFactory beans, SagaRetryProperties retries) {
        return new SagaDeadLettering(beans, retries);
    }

    @Bean
    public DeadLetters deadLetters(JdbcTemplate jdbc, TransactionTemplate transaction, Configuration axon,
                                   TransactionManager transactionManager, ProcessorTopology topology, Clock clock) {
        return new DeadLetters(jdbc, transaction, axon, new SagaDeadLetters(axon, transactionManager), topology,
                clock);
    }

    @Bean
    @ConditionalOnWebApplication
    public DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }

    @Bean
    EventProcessorsHealthIndicator eventProcessorsHealthIndicator(ProcessingFailures failures,
                                                                  DeadLetterProperties properties) {
        return new EventProcessorsHealthIndicator(failures, properties.stuckAfter());
    }

    @Bean
    DeadLettersHealthIndicator deadLettersHealthIndicator(DeadLetters deadLetters) {
        return new DeadLettersHealthIndicator(deadLetters);
    }

    /**
     * One retry for every group. The sagas had an interval of their own,
     * {@code ledger.sagas.dead-letter-retry-interval}: a setting of it still counts, for every group, unless
     * {@code ledger.dead-letters.retry-interval} is set.
     */
    @Bean
    DeadLetterRetrier deadLetterRetrier(DeadLetters deadLetters, DeadLetterProperties properties,
                                        SagaRetryProperties sagas, Environment environment) {
        return new DeadLetterRetrier(deadLetters, retryInterval(properties, sagas, environment),
                properties.retriesPerTick());
    }

    static Duration retryInterval(DeadLetterProperties properties, SagaRetryProperties sagas,
                                  Environment environment) {
        return sagas.deadLetterRetryInterval() != null
                && !environment.containsProperty("ledger.dead-letters.retry-interval")
                ? sagas.deadLetterRetryInterval() : properties.retryInterval();
    }

    /** Gauges per group once Axon has built its processors, which tell the groups. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> deadLetterGauges(DeadLetters deadLetters, MeterRegistry registry) {
        return event -> new DeadLetterMetrics(deadLetters).register(registry);
    }
}
