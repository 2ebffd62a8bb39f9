package org.subledger.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * One PostgreSQL cluster and the one server this JVM runs on it. Only ever the cluster of its own data directory:
 * <ul>
 *     <li>the data directory is locked for this JVM ({@code <data dir>.lock}), so a second ledger on it is refused
 *     instead of stopping the first one's server;</li>
 *     <li>a postmaster still running on it (left by a JVM killed with {@code -9}) is stopped before the start;</li>
 *     <li>a port held by any other process refuses the start: the ledger never connects to a server it did not
 *     start, and checks after the start that the server it reaches serves its data directory;</li>
 *     <li>the server is a child of this JVM, and a watchdog process stops it when the JVM dies, even by
 *     {@code kill -9}.</li>
 * </ul>
 * Every connection needs a password ({@link PasswordAuthentication}); the ledger logs in as a role that is not a
 * superuser ({@link ClusterRoles}).
 */
public final class PostgresCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresCluster.class);

    /** Only the IPv4 loopback: with a single address a port held by another server fails the start outright. */
    public static final String HOST = "127.0.0.1";
    public static final String DATABASE = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = DataDirectory.STOP_TIMEOUT;

    private final PostgresBinaries binaries;
    private final Path dataDir;
    private final int port;
    private final Map<String, String> settings;
    private final FileChannel lock;
    private final DatabaseRole superuser;
    private final DatabaseRole ledger;
    private final DatabaseRole reporting;
    private final DatabaseRole reportingViews;
    private volatile Process postmaster;
    private Process watchdog;

    private PostgresCluster(PostgresBinaries binaries, Path dataDir, int port, Map<String, String> settings,
                            FileChannel lock, String reportingViewsPassword) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
        this.settings = Map.copyOf(settings);
        this.lock = lock;
        this.superuser = DatabaseRole.readOrGenerate(dataDir, DatabaseRole.SUPERUSER);
        this.ledger = DatabaseRole.readOrGenerate(dataDir, DatabaseRole.LEDGER);
        this.reporting = DatabaseRole.readOrGenerate(dataDir, DatabaseRole.REPORTING);
        this.reportingViews = reportingViewsPassword == null
                ? DatabaseRole.readOrGenerate(dataDir, DatabaseRole.REPORTING_VIEWS)
                : DatabaseRole.configured(dataDir, DatabaseRole.REPORTING_VIEWS, reportingViewsPassword);
    }

    /**
     * Takes the data directory for this JVM, stops a server left running on it, creates the cluster if there is
     * none and makes it ask for passwords. Starts nothing.
     *
     * @param port 0 picks a free port, kept for every restart
     */
    public static PostgresCluster open(Path dataDir, int port, Map<String, String> settings) {
        return open(dataDir, port, settings, null);
    }

    /** @param reportingViewsPassword the {@code ledger_reporting} role's password; null keeps a generated one */
    public static PostgresCluster open(Path dataDir, int port, Map<String, String> settings,
                                       String reportingViewsPassword) {
        var directory = dataDir.toAbsolutePath().normalize();
        var binaries = PostgresBinaries.unpack();
        var lock = DataDirectory.lock(directory);
        try {
            DataDirectory.prepare(binaries, directory);
            PasswordAuthentication.enforce(binaries, directory);
            return new PostgresCluster(binaries, directory, port == 0 ? freePort() : port, settings, lock,
                    reportingViewsPassword);
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    /** Starts the server and waits until it serves; then checks whose it is and keeps its roles in step. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        refuseIfPortTaken();
        var command = new ArrayList<>(binaries.postgres("-D", dataDir.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=" + HOST));
        settings.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
        try {
            postmaster = new ProcessBuilder(Programs.inOwnSession(command)).redirectInput(Programs.DEV_NULL)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL on " + dataDir, e);
        }
        watchdog = PostmasterWatchdog.start(postmaster.pid());
        awaitReady(postmaster);
        try (var connection = connect(superuser)) {
            verifyServesThisDataDirectory(connection);
            ClusterRoles.provision(connection, ledger, reporting, reportingViews);
        } catch (SQLException e) {
            stop();
            throw new IllegalStateException("PostgreSQL on port " + port + " did not accept the ledger's set-up", e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        log.info("PostgreSQL (pid {}) serves {} on {}:{}", postmaster.pid(), dataDir, HOST, port);
    }

    public boolean isRunning() {
        var process = postmaster;
        return process != null && process.isAlive();
    }

    /** Completes when the current server process ends, however it ends. */
    public CompletableFuture<Process> onExit() {
        var process = postmaster;
        return process == null ? CompletableFuture.completedFuture(null) : process.onExit();
    }

    public long postmasterPid() {
        var process = postmaster;
        return process == null ? -1 : process.pid();
    }

    /** A fast shutdown: sessions are ended, committed work is on disk. */
    public synchronized void stop() {
        var process = postmaster;
        if (watchdog != null) {
            watchdog.destroy();
            watchdog = null;
        }
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            Programs.run(STOP_TIMEOUT, null, binaries.pgCtl("-D", dataDir.toString(),
                    "stop", "-m", "fast", "-w", "-t", Long.toString(STOP_TIMEOUT.toSeconds())));
        } catch (RuntimeException e) {
            log.warn("pg_ctl could not stop PostgreSQL on {}; ending it", dataDir, e);
            process.destroy();
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            closeQuietly(lock);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return port;
    }

    public DatabaseRole ledgerRole() {
        return ledger;
    }

    public DatabaseRole superuser() {
        return superuser;
    }

    public DatabaseRole reportingRole() {
        return reporting;
    }

    public DatabaseRole reportingViewsRole() {
        return reportingViews;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + DATABASE;
    }

    public Connection connect(DatabaseRole role) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", role.name());
        properties.setProperty("password", role.password());
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    public Path logFile() {
        return dataDir.resolve("postmaster.log");
    }

    private void refuseIfPortTaken() {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException taken) {
            throw new PortInUseException("Port " + port + " on " + HOST + " is in use by another process (another"
                    + " PostgreSQL or ledger?). The ledger only uses the PostgreSQL of its own data directory "
                    + dataDir + " and will not connect to it: stop that process, or choose another port with"
                    + " ledger.embedded-postgres.port.");
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }

    /** The server writes "ready" into its pid file once it accepts connections. */
    private void awaitReady(Process process) {
        var pidFile = dataDir.resolve("postmaster.pid");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL on " + dataDir + " did not start: " + logTail());
            }
            try {
                List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
                if (lines.size() >= 8 && lines.get(0).strip().equals(Long.toString(process.pid()))
                        && lines.get(7).strip().equals("ready")) {
                    return;
                }
                Thread.sleep(50);
            } catch (IOException e) {
                // written while we read it: look again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
                throw new IllegalStateException("Interrupted while PostgreSQL was starting", e);
            }
        }
        process.destroy();
        throw new IllegalStateException("PostgreSQL on " + dataDir + " was not ready within " + START_TIMEOUT);
    }

    private void verifyServesThisDataDirectory(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("show data_directory")) {
            rows.next();
            var served = Path.of(rows.getString(1));
            if (!sameFile(served, dataDir)) {
                throw new IllegalStateException("The PostgreSQL on port " + port + " serves " + served + ", not "
                        + dataDir + "; the ledger will not use it");
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no log in " + logFile() + ")";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }

    /** The configured port is held by some other process: the start is refused, nothing is connected to. */
    public static final class PortInUseException extends IllegalStateException {
        PortInUseException(String message) {
            super(message);
        }
    }
}
