package org.subledger.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.stream.Stream;

/** A cluster's data directory before its server starts: taken for one JVM, freed of a leftover server, initialised. */
final class DataDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private DataDirectory() {
    }

    /**
     * Locks {@code <data dir>.lock} for this JVM until the channel is closed (or the JVM ends, however it ends): a
     * second ledger on the directory is refused instead of stopping the first one's server.
     */
    static FileChannel lock(Path dataDir) {
        var lockFile = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            var channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                if (channel.tryLock() != null) {
                    return channel;
                }
            } catch (OverlappingFileLockException sameJvm) {
                // falls through to the refusal: another cluster object of this JVM has it
            }
            channel.close();
            throw new IllegalStateException("Another ledger is using the data directory " + dataDir
                    + " (it holds " + lockFile + "); two ledgers never share one embedded PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + lockFile, e);
        }
    }

    /** Stops a server left running on the directory and creates the cluster if there is none. */
    static void prepare(PostgresBinaries binaries, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            stopStalePostmaster(binaries, dataDir);
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initialise(binaries, dataDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data directory " + dataDir, e);
        }
    }

    /**
     * No ledger holds the data directory (we have its lock), so a live postmaster on it is a leftover of a JVM that
     * was killed before it could stop it, serving a port nobody should be using.
     */
    private static void stopStalePostmaster(PostgresBinaries binaries, Path dataDir) throws IOException {
        var pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try (Stream<String> lines = Files.lines(pidFile)) {
            pid = Long.parseLong(lines.findFirst().orElse("-1").strip());
        } catch (NumberFormatException | UncheckedIOException e) {
            return;
        }
        if (!Pids.alive(pid) || !Pids.command(pid).endsWith("postgres")) {
            return;
        }
        log.warn("A PostgreSQL server (pid {}) left running by an earlier ledger still serves {}; stopping it",
                pid, dataDir);
        Programs.run(STOP_TIMEOUT, null, binaries.pgCtl("-D", dataDir.toString(),
                "stop", "-m", "fast", "-w", "-t", Long.toString(STOP_TIMEOUT.toSeconds())));
    }

    private static void initialise(PostgresBinaries binaries, Path dataDir) throws IOException {
        try (Stream<Path> entries = Files.list(dataDir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalStateException(dataDir + " is neither empty nor a PostgreSQL data directory");
            }
        }
        log.info("Creating a PostgreSQL cluster in {}", dataDir);
        // trust only until PasswordAuthentication replaces it, before any server is started on the cluster
        Programs.run(Duration.ofMinutes(5), null, binaries.initdb("-A", "trust",
                "-U", DatabaseRole.SUPERUSER, "-E", "UTF-8", "-D", dataDir.toString()));
    }
}
