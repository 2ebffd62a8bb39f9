package org.subledger.app;

import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Under the {@code axonserver} profile, Axon Server routes commands and queries, but the events stay in PostgreSQL:
 * the event store is the embedded one on the JDBC engine, and a setting that would store them in Axon Server stops the
 * ledger at start-up. No Axon Server runs here: the connector only tries to reach one in the background.
 */
class AxonServerProfileIT {

    final Path dataDir = Path.of("target", "it-postgres", "axonserver-" + UUID.randomUUID());

    ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=axonserver",
                "--axon.axonserver.servers=localhost:1",
                "--ledger.embedded-postgres.data-dir=" + dataDir, "--ledger.embedded-postgres.port=0",
                "--server.port=0"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void eventsAreStoredInPostgresUnderTheAxonServerProfile() {
        try (var ledger = start()) {
            assertThat(ledger.getEnvironment().getProperty("axon.axonserver.enabled")).isEqualTo("true");
            assertThat(ledger.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
            EventStore eventStore = ledger.getBean(EventStore.class);
            assertThat(eventStore).isInstanceOf(EmbeddedEventStore.class);
            assertThat(ledger.getBean(Configuration.class).eventBus()).isSameAs(eventStore);
        }
    }

    @Test
    void aSettingThatStoresEventsInAxonServerStopsTheStart() {
        assertThatThrownBy(() -> start("--axon.axonserver.event-store.enabled=true").close())
                .hasStackTraceContaining("The ledger keeps its events in PostgreSQL only")
                .hasStackTraceContaining("axon.axonserver.event-store.enabled=true");
    }
}
