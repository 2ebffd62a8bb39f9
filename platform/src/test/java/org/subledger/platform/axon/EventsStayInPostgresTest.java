package org.subledger.platform.axon;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/** The start-up guard keeping the events in PostgreSQL, on the beans and settings it is given. */
class EventsStayInPostgresTest {

    final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    final MockEnvironment environment = new MockEnvironment();

    EventsStayInPostgres guard() {
        return new EventsStayInPostgres(beans, environment);
    }

    @Test
    void theEmbeddedEventStoreOnTheJdbcEngineStarts() {
        beans.registerSingleton("eventStorageEngine", mock(JdbcEventStorageEngine.class));
        beans.registerSingleton("eventStore", mock(EmbeddedEventStore.class));
        environment.setProperty("axon.axonserver.enabled", "true");
        environment.setProperty("axon.axonserver.event-store.enabled", "false");

        assertThat(guard().problems()).isEmpty();
    }

    @Test
    void storingEventsInAxonServerRefusesToStart() {
        beans.registerSingleton("eventStorageEngine", mock(JdbcEventStorageEngine.class));
        beans.registerSingleton("eventStore", mock(EmbeddedEventStore.class));
        environment.setProperty("axon.axonserver.event-store.enabled", "true");

        assertThatThrownBy(() -> guard().afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("axon.axonserver.event-store.enabled=true would store events in Axon Server");
    }

    @Test
    void anEventStoreOtherThanTheEmbeddedOneRefusesToStart() {
        // what the Axon Server connector would install (AxonServerEventStore), or any other event store
        beans.registerSingleton("eventStorageEngine", mock(JdbcEventStorageEngine.class));
        beans.registerSingleton("eventStore", mock(EventStore.class));

        assertThat(guard().problems()).singleElement().asString().contains("the event store must be the one");
    }

    @Test
    void anotherStorageEngineRefusesToStart() {
        beans.registerSingleton("eventStorageEngine", new InMemoryEventStorageEngine());
        beans.registerSingleton("eventStore", mock(EmbeddedEventStore.class));

        assertThat(guard().problems()).singleElement().asString().contains("JdbcEventStorageEngine");
    }
}
