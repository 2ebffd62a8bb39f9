package org.subledger.platform.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded cluster on real PostgreSQL, without the ledger around it. */
class PostgresClusterTest {

    static final Map<String, String> SETTINGS = Map.of("fsync", "off");

    final List<PostgresCluster> opened = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        opened.forEach(PostgresCluster::close);
    }

    static Path newDataDir() {
        return Path.of("target", "pg-cluster-test", UUID.randomUUID().toString()).toAbsolutePath();
    }

    PostgresCluster started(Path dataDir, int port) {
        var cluster = PostgresCluster.open(dataDir, port, SETTINGS);
        opened.add(cluster);
        cluster.start();
        return cluster;
    }

    @Test
    void aPostmasterLeftRunningOnTheDataDirectoryIsStoppedAndReplaced() throws Exception {
        var dataDir = newDataDir();
        var first = started(dataDir, 0);
        try (var connection = first.connect(first.ledgerRole()); var statement = connection.createStatement()) {
            statement.execute("create table survivor (name text); insert into survivor values ('kept')");
        }
        first.close();
        opened.remove(first);
        // what a JVM killed with -9 left behind before the watchdog existed: a daemonised server nobody owns
        int strayPort = PortProbe.free();
        Programs.run(Duration.ofMinutes(1), null, PostgresBinaries.unpack().pgCtl("-D", dataDir.toString(), "-l", dataDir.resolve("stray.log").toString(), "-w",
                "-o", "-p " + strayPort + " -c listen_addresses=127.0.0.1", "start"));
        long stray = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        assertThat(Pids.alive(stray)).isTrue();

        var second = started(dataDir, 0);

        poll("the stray postmaster " + stray + " to be gone", () -> !Pids.alive(stray));
        assertThat(second.postmasterPid()).isNotEqualTo(stray);
        try (var connection = second.connect(second.ledgerRole()); var statement = connection.createStatement();
             var rows = statement.executeQuery("select name from survivor")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
        }
    }

    @Test
    void aPortHeldByAnotherClusterRefusesTheStartAndNothingIsServed() throws Exception {
        var other = started(newDataDir(), 0);
        var dataDir = newDataDir();
        var cluster = PostgresCluster.open(dataDir, other.port(), SETTINGS);
        opened.add(cluster);

        assertThatThrownBy(cluster::start).isInstanceOf(PostgresCluster.PortInUseException.class)
                .hasMessageContaining("Port " + other.port() + " on 127.0.0.1 is in use by another process")
                .hasMessageContaining(dataDir.toString());

        assertThat(cluster.isRunning()).isFalse();
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
        try (var connection = other.connect(other.superuser()); var statement = connection.createStatement();
             var rows = statement.executeQuery("show data_directory")) {
            rows.next();
            assertThat(Path.of(rows.getString(1))).isEqualTo(other.dataDir());
        }
    }

    @Test
    void aSecondLedgerOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsServing() throws Exception {
        var first = started(newDataDir(), 0);

        assertThatThrownBy(() -> PostgresCluster.open(first.dataDir(), 0, SETTINGS))
                .hasMessageContaining("Another ledger is using the data directory " + first.dataDir());

        assertThat(first.isRunning()).isTrue();
        try (var connection = first.connect(first.ledgerRole())) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void theLedgersRoleIsNoSuperuserAndEveryConnectionNeedsItsPassword() throws Exception {
        var cluster = started(newDataDir(), 0);

        try (var connection = cluster.connect(cluster.ledgerRole()); var statement = connection.createStatement();
             var rows = statement.executeQuery("select rolsuper, rolcreaterole, rolcreatedb from pg_roles"
                     + " where rolname = current_user")) {
            rows.next();
            assertThat(rows.getBoolean(1)).isFalse();
            assertThat(rows.getBoolean(2)).isFalse();
            assertThat(rows.getBoolean(3)).isFalse();
        }
        for (String role : List.of("postgres", "ledger", "reporting")) {
            assertThatThrownBy(() -> login(cluster, role, null)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> login(cluster, role, "postgres")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
        assertThat(Files.readString(cluster.dataDir().resolve("pg_hba.conf")))
                .doesNotContain("trust").contains("scram-sha-256");
    }

    @Test
    void theReportingRoleReadsTheLedgersTablesAndChangesNothing() throws Exception {
        var cluster = started(newDataDir(), 0);
        try (var connection = cluster.connect(cluster.ledgerRole()); var statement = connection.createStatement()) {
            statement.execute("create table balance (amount numeric); insert into balance values (42)");
        }

        try (var connection = cluster.connect(cluster.reportingRole()); var statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("select amount from balance")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
            assertThatThrownBy(() -> statement.execute("delete from balance"))
                    .hasMessageContaining("permission denied");
        }
    }

    /**
     * A data directory of an earlier ledger: initialised with trust, its tables owned by the superuser. It is made
     * to ask for passwords, and the ledger's role takes its tables over, before anything listens.
     */
    @Test
    void aTrustClusterOfAnEarlierLedgerIsSecuredInPlace() throws Exception {
        var dataDir = newDataDir();
        Files.createDirectories(dataDir);
        var binaries = PostgresBinaries.unpack();
        Programs.run(Duration.ofMinutes(2), null, binaries.initdb("-A", "trust", "-U", "postgres", "-E", "UTF-8", "-D", dataDir.toString()));
        int port = PortProbe.free();
        Programs.run(Duration.ofMinutes(1), null, binaries.pgCtl("-D", dataDir.toString(),
                "-l", dataDir.resolve("old.log").toString(), "-w", "-o", "-p " + port, "start"));
        try (var connection = login(port, "postgres", null); var statement = connection.createStatement()) {
            statement.execute("""
                    create table domain_event_entry (global_index bigserial primary key, payload text);
                    insert into domain_event_entry (payload) values ('AccountOpened');
                    create function answer() returns int language sql as 'select 42'""");
        }
        Programs.run(Duration.ofMinutes(1), null, binaries.pgCtl("-D", dataDir.toString(), "stop", "-m", "fast", "-w"));

        var cluster = started(dataDir, 0);

        assertThatThrownBy(() -> login(cluster, "postgres", null)).isInstanceOf(SQLException.class);
        try (var connection = cluster.connect(cluster.ledgerRole()); var statement = connection.createStatement()) {
            statement.execute("insert into domain_event_entry (payload) values ('PaymentRecorded')");
            statement.execute("alter table domain_event_entry add column meta_data text");
            try (var rows = statement.executeQuery("select count(*), answer() from domain_event_entry")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(2);
                assertThat(rows.getInt(2)).isEqualTo(42);
            }
            try (var rows = statement.executeQuery(
                    "select pg_get_userbyid(proowner) from pg_proc where proname = 'answer'")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("ledger");
            }
        }
    }

    static java.sql.Connection login(PostgresCluster cluster, String user, String password) throws SQLException {
        return login(cluster.port(), user, password);
    }

    static java.sql.Connection login(int port, String user, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }

    static void poll(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            // a pause between two looks at the state, not a wait for it: the deadline above bounds the wait
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    static final class PortProbe {
        static int free() throws java.io.IOException {
            try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                return socket.getLocalPort();
            }
        }
    }
}
