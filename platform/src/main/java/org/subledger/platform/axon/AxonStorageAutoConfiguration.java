package org.subledger.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.subledger.platform.clock.AdjustableClock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.subledger.platform.db.EmbeddedPostgresAutoConfiguration;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Pins every Axon store to PostgreSQL explicitly, so adding a library can never switch a store silently: the JDBC
 * event store (also with Axon Server, which only routes commands and queries), token store, saga store and
 * dead-letter queue, all on snake_case tables created by Flyway; the JSON serializers; the audit metadata; the
 * retrying command gateway; pooled streaming processors whose failures go to the dead-letter queue.
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, EmbeddedPostgresAutoConfiguration.class},
        before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class, AxonServerBusAutoConfiguration.class})
@EnableConfigurationProperties(LedgerAxonProperties.class)
public class AxonStorageAutoConfiguration {

    /**
     * Processing groups named with this prefix keep lookup tables in the transaction of the command that published
     * the events (subscribing processors): they get no dead-letter queue, so a failure rolls the command back.
     */
    public static final String CONSISTENT_LOOKUP_PREFIX = "lookup-";

    // ---- serializers: readable JSON with a storage-only ObjectMapper --------------------------------------------

    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        return StorageJson.serializer(revisionResolver);
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(RevisionResolver revisionResolver) {
        return StorageJson.serializer(revisionResolver);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(RevisionResolver revisionResolver) {
        return StorageJson.serializer(revisionResolver);
    }

    /**
     * Axon's auto-configuration collects every {@code EventUpcaster} bean into {@code configuration.upcasterChain()},
     * which the event storage engine below reads through.
     */
    @Bean
    public BillingTermSchemePrepaidUpcaster billingTermSchemePrepaidUpcaster() {
        return new BillingTermSchemePrepaidUpcaster();
    }

    @Bean
    public BillingTermSchemePaymentTermUpcaster billingTermSchemePaymentTermUpcaster() {
        return new BillingTermSchemePaymentTermUpcaster();
    }

    @Bean
    public BillingTermSchemeWalletUpcaster billingTermSchemeWalletUpcaster() {
        return new BillingTermSchemeWalletUpcaster();
    }

    @Bean
    public BillSectionsUpcaster billSectionsUpcaster() {
        return new BillSectionsUpcaster();
    }

    @Bean
    public BillingTermSchemeBillPerUpcaster billingTermSchemeBillPerUpcaster() {
        return new BillingTermSchemeBillPerUpcaster();
    }

    @Bean
    public ActivityServiceTermsUpcaster activityServiceTermsUpcaster() {
        return new ActivityServiceTermsUpcaster();
    }

    @Bean
    public OwningUnitUpcaster owningUnitUpcaster() {
        return new OwningUnitUpcaster();
    }

    @Bean
    public BillRunScopeUpcaster billRunScopeUpcaster() {
        return new BillRunScopeUpcaster();
    }

    @Bean
    public SubscriptionTypeUnitsUpcaster subscriptionTypeUnitsUpcaster() {
        return new SubscriptionTypeUnitsUpcaster();
    }

    @Bean
    public BillPostedDueDateUpcaster billPostedDueDateUpcaster() {
        return new BillPostedDueDateUpcaster();
    }

    @Bean
    public PaymentRecordedBillUpcaster paymentRecordedBillUpcaster() {
        return new PaymentRecordedBillUpcaster();
    }

    @Bean
    public DiscountJobCriteriaUpcaster discountJobCriteriaUpcaster() {
        return new DiscountJobCriteriaUpcaster();
    }

    @Bean
    public JobTypeBillingMomentUpcaster jobTypeBillingMomentUpcaster() {
        return new JobTypeBillingMomentUpcaster();
    }

    @Bean
    public RunSettingsBehaviourCodesUpcaster runSettingsBehaviourCodesUpcaster() {
        return new RunSettingsBehaviourCodesUpcaster();
    }

    @Bean
    public SubscriptionBilledDiscountsUpcaster subscriptionBilledDiscountsUpcaster() {
        return new SubscriptionBilledDiscountsUpcaster();
    }

    /** After {@link #subscriptionBilledDiscountsUpcaster()}: revision 2 to 3. */
    @Bean
    public SubscriptionBilledUsageTallyUpcaster subscriptionBilledUsageTallyUpcaster() {
        return new SubscriptionBilledUsageTallyUpcaster();
    }

    // ---- PostgreSQL ------------------------------------------------------------------------------------------------

    @Bean
    public ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    public EventSchema eventSchema() {
        return LedgerSchemas.events();
    }

    /**
     * PostgreSQL is the event store in every profile, also with Axon Server (which would otherwise store the events
     * itself): billing and the audit trail read the event table, and a bill run appends its events in the transaction
     * of its checkpoint. Checked at start-up by {@link EventsStayInPostgres}. A batch's events serialise their
     * shared metadata once ({@link EventAppendStatement}).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer snapshotSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 LedgerAxonProperties properties,
                                                 org.axonframework.config.Configuration configuration) {
        return JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(String.class)
                .appendEvents(new EventAppendStatement())
                .gapTimeout(Math.toIntExact(properties.gapTimeout().toMillis()))
                .build();
    }

    /**
     * The event store on the JDBC engine, defined here rather than left to Axon's auto-configuration: with the
     * {@code axonserver} profile, the Axon Server connector would otherwise make Axon Server the event store.
     */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    @Bean
    public static SmartInitializingSingleton eventsStayInPostgres(ConfigurableListableBeanFactory beans,
                                                                  Environment environment) {
        return new EventsStayInPostgres(beans, environment);
    }

    @Bean
    public TokenSchema tokenSchema() {
        return LedgerSchemas.tokens();
    }

    /** Which processor runs which processing group: {@code ledger.axon.shared-processors}. */
    @Bean
    public ProcessorTopology processorTopology(LedgerAxonProperties properties) {
        return new ProcessorTopology(properties.sharedProcessors(), properties.dispatchingProcessors());
    }

    /** A shared processor's first tokens start where its groups' own processors were (SharedProcessorTokenStore). */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema schema,
                                 ProcessorTopology topology) {
        return new SharedProcessorTokenStore(JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(schema)
                .contentType(byte[].class), topology, connectionProvider, serializer, schema);
    }

    @Bean
    public SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .sqlSchema(new PostgresSagaSqlSchema(LedgerSchemas.sagas()))
                .serializer(serializer)
                .build();
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return LedgerSchemas.deadLetters();
    }

    /**
     * Every processing group streams (pooled), handles events in batches, and parks an event its handler fails on in
     * the group's dead-letter queue in PostgreSQL (later events of the same aggregate queue behind it). Groups without
     * a queue propagate the failure so the batch is retried: nothing is logged and dropped. Sagas, which Axon gives
     * no dead-lettering invoker, get their group's queue from here too (see deadletter's SagaDeadLettering). Groups
     * listed in {@code ledger.axon.shared-processors} share one processor ({@link ProcessorTopology}); every other
     * group has its own.
     */
    @Bean
    public ConfigurerModule ledgerEventProcessing(ConnectionProvider connectionProvider,
                                                  TransactionManager transactionManager,
                                                  Serializer serializer,
                                                  @Qualifier("eventSerializer") Serializer eventSerializer,
                                                  DeadLetterSchema deadLetterSchema,
                                                  LedgerAxonProperties properties,
                                                  ProcessorTopology topology,
                                                  MeterRegistry meterRegistry) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing()
                        .assignProcessingGroup(topology::processorOf)
                        .usingPooledStreamingEventProcessors((config, builder) -> builder
                                .batchSize(properties.processorBatchSize())
                                .initialSegmentCount(properties.processorSegments()))
                        .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                        .registerDeadLetterQueueProvider(processingGroup -> processingGroup.startsWith(
                                CONSISTENT_LOOKUP_PREFIX) ? null : config ->
                                JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                        .processingGroup(processingGroup)
                                        .connectionProvider(connectionProvider)
                                        .transactionManager(transactionManager)
                                        .schema(deadLetterSchema)
                                        .genericSerializer(serializer)
                                        .eventSerializer(eventSerializer)
                                        .build())
                        .registerDefaultHandlerInterceptor((config, processorName) ->
                                new ProjectionMetricsInterceptor(meterRegistry, processorName));
                // the shared processors of read models send nothing; the process managers' send commands
                topology.sharedProcessorsSendingNothing().forEach(processor -> configurer.eventProcessing()
                        .registerHandlerInterceptor(processor, config -> NothingDispatched.INSTANCE));
            }

            /** Last, so that no other module's provider (Axon's own gives queues only per property) replaces ours. */
            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }

    // ---- messaging -------------------------------------------------------------------------------------------------

    @Bean
    public CorrelationDataProvider ledgerCorrelationDataProvider() {
        return new LedgerCorrelationDataProvider();
    }

    /** Every aggregate's command handler finds its target through this one (see CachedCommandTargetResolver). */
    @Bean
    public CommandTargetResolver commandTargetResolver() {
        return new CachedCommandTargetResolver();
    }

    /**
     * Retries a command that lost a race on the same aggregate (a {@code ConcurrencyException}, e.g. another node
     * appended first); non-transient failures such as business refusals are never retried.
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, LedgerAxonProperties properties,
                                         MeterRegistry meterRegistry) {
        var retryExecutor = Executors.newScheduledThreadPool(1, runnable -> {
            var thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new CountingRetryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(retryExecutor)
                        .maxRetryCount(properties.commandRetries())
                        .retryInterval(Math.toIntExact(properties.commandRetryInterval().toMillis()))
                        .build(), meterRegistry))
                .dispatchInterceptors(new RequestMetadataDispatchInterceptor())
                .build();
    }

    @Bean
    public SmartInitializingSingleton commandHandlerInterceptors(CommandBus commandBus) {
        return () -> commandBus.registerHandlerInterceptor(new RefusalTranslatingInterceptor());
    }

    // ---- time ------------------------------------------------------------------------------------------------------

    /**
     * The one clock of the ledger; tests replace it to walk through months without sleeping. The persistent
     * scheduler tells due tasks by it too. {@code ledger.clock.offset} (an ISO duration, e.g. {@code P1D}) shifts it
     * from the system's UTC clock: for tests and rehearsals only, never in production. With
     * {@code ledger.clock.adjustable=true} (sandboxes) an administrator moves it forward at run time (ClockController).
     */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock(@Value("${ledger.clock.offset:PT0S}") Duration offset,
                       @Value("${ledger.clock.adjustable:false}") boolean adjustable) {
        if (adjustable) {
            return new AdjustableClock(Clock.systemUTC(), offset);
        }
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }

    /** Event timestamps come from the same clock as business dates. */
    @Bean
    public SmartInitializingSingleton axonClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }
}
