package org.subledger.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.platform.axon.AxonStorageAutoConfiguration;
import org.subledger.platform.axon.NothingDispatched;
import org.subledger.platform.axon.ProcessorTopology;

import java.time.Clock;

/**
 * The operators' signals on {@code /actuator/prometheus}: commands by type and outcome, business counters from the
 * events (bill runs, bills and amounts, usage, refused saga steps), projection lag per processing group, db-scheduler's
 * queue and the bill runs running. Dead letters per group and saga failures are the dead-letter package's.
 */
@AutoConfiguration(after = AxonStorageAutoConfiguration.class)
public class LedgerMetricsAutoConfiguration {

    @Bean
    public SmartInitializingSingleton commandMetrics(CommandBus commandBus, MeterRegistry registry) {
        return () -> commandBus.registerHandlerInterceptor(new CommandMetricsInterceptor(registry));
    }

    @Bean
    EventMetrics ledgerEventMetrics(MeterRegistry registry, @Qualifier("eventSerializer") Serializer eventSerializer,
                                    ProcessorTopology topology) {
        return new EventMetrics(registry, eventSerializer, topology.runsShared(EventMetrics.GROUP));
    }

    /**
     * In a processor of its own, the metrics group starts at the head: counters count what happens from now on, never
     * the whole history. Its handlers send nothing ({@link NothingDispatched}; a shared processor has it already).
     */
    @Bean
    public ConfigurerModule ledgerEventMetricsFromTheHead(ProcessorTopology topology) {
        return configurer -> {
            if (!topology.runsShared(EventMetrics.GROUP)) {
                configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                                EventMetrics.GROUP,
                                (config, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken))
                        // it counts, and sends no message
                        .registerHandlerInterceptor(EventMetrics.GROUP, config -> NothingDispatched.INSTANCE);
            }
        };
    }

    /**
     * {@code http.server.requests} for every request, first of the filters so that it times them all (Boot's own
     * observation of requests is excluded: {@link RequestTimerFilter}).
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public FilterRegistrationBean<RequestTimerFilter> requestTimerFilter(MeterRegistry registry) {
        var registration = new FilterRegistrationBean<>(new RequestTimerFilter(registry));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Once ready: every processor is configured then, and Flyway has created the tables the gauges read. */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> ledgerGauges(EventStore eventStore, Configuration axon,
                                                                   JdbcTemplate jdbc, Clock clock,
                                                                   ProcessorTopology topology,
                                                                   MeterRegistry registry) {
        return event -> {
            new ProjectionLagMetrics(eventStore, axon.eventProcessingConfiguration(), topology).register(registry);
            new TableGauges(jdbc, clock).register(registry);
        };
    }
}
