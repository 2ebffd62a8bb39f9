package org.subledger.platform.axon;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start with any configuration that would keep events anywhere but in PostgreSQL. Billing, the audit
 * trail and the as-of reader read the event store's table directly, and a bill run appends a segment's events in the
 * transaction of its checkpoint: events kept elsewhere (Axon Server's event store, another engine) would be invisible
 * to them, or committed apart from the rest. Axon Server, where enabled, only routes commands and queries.
 */
final class EventsStayInPostgres implements SmartInitializingSingleton {

    static final String AXON_SERVER_EVENT_STORE = "axon.axonserver.event-store.enabled";

    private final ConfigurableListableBeanFactory beans;
    private final Environment environment;

    EventsStayInPostgres(ConfigurableListableBeanFactory beans, Environment environment) {
        this.beans = beans;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The ledger keeps its events in PostgreSQL only: " + String.join("; ",
                    problems));
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (environment.getProperty(AXON_SERVER_EVENT_STORE, Boolean.class, false)) {
            problems.add(AXON_SERVER_EVENT_STORE + "=true would store events in Axon Server; set it to false");
        }
        var engines = beans.getBeansOfType(EventStorageEngine.class);
        if (engines.size() != 1 || !(engines.values().iterator().next() instanceof JdbcEventStorageEngine)) {
            problems.add("the event storage engine must be the one JdbcEventStorageEngine, found " + types(engines));
        }
        var stores = beans.getBeansOfType(EventStore.class);
        if (stores.size() != 1 || !(stores.values().iterator().next() instanceof EmbeddedEventStore)) {
            problems.add("the event store must be the one EmbeddedEventStore on that engine, found " + types(stores));
        }
        var buses = beans.getBeansOfType(EventBus.class);
        if (!stores.isEmpty() && (buses.size() != 1 || buses.values().iterator().next()
                != stores.values().iterator().next())) {
            problems.add("events must be published through the event store, found event buses " + types(buses));
        }
        return problems;
    }

    private static String types(java.util.Map<String, ?> beans) {
        List<String> found = new ArrayList<>();
        beans.forEach((name, bean) -> found.add(name + " (" + bean.getClass().getSimpleName() + ")"));
        return found.isEmpty() ? "none" : String.join(", ", found);
    }
}
