package org.subledger.platform.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ledger.embedded-postgres.settings.*}: the embedded server's settings, durability kept on. */
class EmbeddedPostgresSettingsTest {

    private PostgresCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void configuredSettingsGoOverTheLedgersAndTheRestStay() {
        var settings = EmbeddedPostgresAutoConfiguration.serverSettings(
                Map.of("shared_buffers", "1GB", "max_connections", "300", "fsync", "on"));

        assertThat(settings).containsEntry("shared_buffers", "1GB").containsEntry("max_connections", "300")
                .containsEntry("fsync", "on").containsEntry("synchronous_commit", "on")
                .containsEntry("full_page_writes", "on").containsEntry("timezone", "UTC");
        assertThat(EmbeddedPostgresAutoConfiguration.serverSettings(Map.of()))
                .containsAllEntriesOf(EmbeddedPostgresAutoConfiguration.SERVER_SETTINGS);
    }

    @Test
    void durabilityCannotBeSwitchedOff() {
        for (String name : new String[]{"fsync", "synchronous_commit", "full_page_writes"}) {
            assertThatThrownBy(() -> EmbeddedPostgresAutoConfiguration.serverSettings(Map.of(name, "off")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ledger.embedded-postgres.settings." + name + "=off")
                    .hasMessageContaining("a crash could lose committed events");
        }
    }

    @Test
    void durabilityMayBeSpelledAsPostgresSpellsOn() {
        for (String value : new String[]{"on", "ON", "true", "t", "yes", "y", "1", "True"}) {
            for (String name : new String[]{"fsync", "synchronous_commit", "full_page_writes"}) {
                assertThat(EmbeddedPostgresAutoConfiguration.serverSettings(Map.of(name, value)))
                        .containsEntry(name, value);
            }
        }
        for (String value : new String[]{"local", "remote_write", "remote_apply"}) {
            assertThat(EmbeddedPostgresAutoConfiguration.serverSettings(Map.of("synchronous_commit", value)))
                    .containsEntry("synchronous_commit", value);
            assertThatThrownBy(() -> EmbeddedPostgresAutoConfiguration.serverSettings(Map.of("fsync", value)))
                    .isInstanceOf(IllegalStateException.class);
        }
        for (String value : new String[]{"off", "false", "f", "no", "n", "0", "", "o", "of", "onn", "tr ue"}) {
            assertThatThrownBy(() -> EmbeddedPostgresAutoConfiguration.serverSettings(Map.of("fsync", value)))
                    .as(value).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theServerRunsWithThem() throws Exception {
        cluster = PostgresCluster.open(PostgresClusterTest.newDataDir(), 0,
                EmbeddedPostgresAutoConfiguration.serverSettings(Map.of("work_mem", "7MB")));
        cluster.start();
        try (var connection = cluster.connect(cluster.ledgerRole()); var statement = connection.createStatement()) {
            for (var expected : Map.of("work_mem", "7MB", "fsync", "on", "synchronous_commit", "on",
                    "shared_buffers", "512MB").entrySet()) {
                try (var rows = statement.executeQuery("show " + expected.getKey())) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).as(expected.getKey()).isEqualTo(expected.getValue());
                }
            }
        }
    }
}
