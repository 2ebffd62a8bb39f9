package org.subledger.platform.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.subledger.platform.axon.NothingDispatched;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.platform.axon.AxonStorageAutoConfiguration;
import org.subledger.platform.axon.LedgerAxonProperties;
import org.subledger.platform.axon.ProcessorTopology;

/** Webhooks: endpoints, the enqueuing processing group and the deliverer (README "Webhooks"). */
@AutoConfiguration(after = {AxonStorageAutoConfiguration.class, FlywayAutoConfiguration.class})
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookAutoConfiguration {

    @Bean
    public WebhookEndpoints webhookEndpoints(JdbcTemplate jdbc) {
        return new WebhookEndpoints(jdbc);
    }

    @Bean
    public WebhookDeliveries webhookDeliveries(JdbcTemplate jdbc) {
        return new WebhookDeliveries(jdbc);
    }

    @Bean
    public WebhookEnqueuer webhookEnqueuer(JdbcTemplate jdbc, WebhookEndpoints endpoints) {
        return new WebhookEnqueuer(jdbc, endpoints);
    }

    /**
     * The ledger runs the enqueuer's group in its shared {@code read-models} processor
     * ({@code ledger.axon.shared-processors}): one fetch of each event for all of them, not one more. Taken out of that
     * list, its processor of its own starts at the head of the event store, not its tail: an endpoint receives only
     * what is stored after its registration ({@code starts_after_index}), so a ledger upgraded with years of history
     * has nothing to read through first. A named configuration replaces the default one in some Axon versions, so the
     * batch size and segments are set again.
     */
    @Bean
    public ConfigurerModule webhookProcessorStartsAtHead(LedgerAxonProperties properties, ProcessorTopology topology) {
        return configurer -> {
            if (topology.runsShared(WebhookEnqueuer.PROCESSING_GROUP)) {
                return; // the shared processor has its settings, and NothingDispatched
            }
            configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                            WebhookEnqueuer.PROCESSING_GROUP,
                            (config, builder) -> builder.batchSize(properties.processorBatchSize())
                                    .initialSegmentCount(properties.processorSegments())
                                    .initialToken(StreamableMessageSource::createHeadToken))
                    // the enqueuer writes rows of the delivery queue and sends no message
                    .registerHandlerInterceptor(WebhookEnqueuer.PROCESSING_GROUP, config -> NothingDispatched.INSTANCE);
        };
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.webhooks.enabled", havingValue = "true", matchIfMissing = true)
    public WebhookDeliverer webhookDeliverer(JdbcTemplate jdbc, WebhookProperties properties,
                                             ObjectProvider<MeterRegistry> meters) {
        return new WebhookDeliverer(jdbc, properties, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnWebApplication
    public WebhookController webhookController(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        return new WebhookController(endpoints, deliveries, EventTypes.scan());
    }
}
