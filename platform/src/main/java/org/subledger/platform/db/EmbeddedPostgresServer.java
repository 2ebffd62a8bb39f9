package org.subledger.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The ledger's embedded PostgreSQL: started with the application, stopped with it, and started again on the same
 * data directory and port whenever it dies while the ledger runs. Hikari's connections fail meanwhile (the API
 * answers 503, readiness is DOWN) and reconnect by themselves once it is back.
 */
public class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration RESTART_INTERVAL = Duration.ofSeconds(1);

    private final PostgresCluster cluster;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "embedded-postgres-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;
    private volatile String lastFailure;

    public EmbeddedPostgresServer(EmbeddedPostgresProperties properties, Map<String, String> settings) {
        this.cluster = PostgresCluster.open(properties.dataDir(), properties.port(), settings,
                properties.reportingPassword());
        try {
            cluster.start();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        watch();
    }

    public PostgresCluster cluster() {
        return cluster;
    }

    public int port() {
        return cluster.port();
    }

    public boolean isRunning() {
        return cluster.isRunning();
    }

    /** Why the last restart failed, while the server is down. */
    public String lastFailure() {
        return lastFailure;
    }

    private void watch() {
        cluster.onExit().thenRun(() -> {
            if (!closing && !monitor.isShutdown()) {
                log.error("PostgreSQL (data directory {}) has stopped; starting it again", cluster.dataDir());
                monitor.execute(this::restart);
            }
        });
    }

    /**
     * Backends of a killed postmaster may hold its shared memory for a moment, during which PostgreSQL refuses to
     * start on the directory: retried every second until it starts or the ledger stops.
     */
    private void restart() {
        if (closing) {
            return;
        }
        try {
            cluster.start();
            lastFailure = null;
            log.info("PostgreSQL is back on port {}", cluster.port());
            watch();
        } catch (RuntimeException e) {
            lastFailure = e.getMessage();
            log.warn("PostgreSQL did not start again yet: {}", e.getMessage());
            monitor.schedule(this::restart, RESTART_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        closing = true;
        monitor.shutdownNow();
        try {
            monitor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cluster.close();
    }
}
