package org.subledger.platform.projectioncheck;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.subledger.platform.axon.AxonStorageAutoConfiguration;
import org.subledger.platform.axon.ProcessorTopology;

import javax.sql.DataSource;
import java.time.Clock;

/** Projection checks (README "Projections proven equal to history"), wherever the event storage engine is. */
@AutoConfiguration(after = AxonStorageAutoConfiguration.class)
@EnableConfigurationProperties(ProjectionCheckProperties.class)
public class ProjectionCheckAutoConfiguration {

    @Bean
    @ConditionalOnBean(EventStorageEngine.class)
    public ProjectionChecker projectionChecker(DataSource dataSource, EventStorageEngine storage,
                                               @Qualifier("serializer") Serializer tokenSerializer,
                                               ListableBeanFactory beans, ProjectionCheckProperties properties,
                                               ProcessorTopology topology, ObjectProvider<Clock> clock) {
        return new ProjectionChecker(dataSource, storage, tokenSerializer, beans, properties, topology,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnWebApplication
    @ConditionalOnBean(ProjectionChecker.class)
    public ProjectionCheckController projectionCheckController(ProjectionChecker checker) {
        return new ProjectionCheckController(checker);
    }
}
