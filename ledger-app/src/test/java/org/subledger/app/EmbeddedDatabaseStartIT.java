package org.subledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.subledger.platform.db.EmbeddedPostgresServer;
import org.subledger.platform.db.Pids;
import org.subledger.platform.db.PostgresBinaries;
import org.subledger.platform.db.PostgresCluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The ledger only ever uses the PostgreSQL of its own data directory: a server another cluster runs on its port makes
 * it refuse to start, a server left running on its directory is replaced, and its server dies with it, also when the
 * ledger is killed with {@code -9}.
 */
class EmbeddedDatabaseStartIT {

    static Path dataDir(String name) {
        return Path.of("target", "it-postgres", name + "-" + UUID.randomUUID());
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aPortHeldByAnotherClusterRefusesTheStartWithAClearMessageAndNothingIsServed() throws Exception {
        try (var other = PostgresCluster.open(dataDir("other"), 0, Map.of())) {
            other.start();
            var ownDataDir = dataDir("refused");
            int httpPort = freePort();

            assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApplication.class).run(
                    "--ledger.embedded-postgres.data-dir=" + ownDataDir,
                    "--ledger.embedded-postgres.port=" + other.port(),
                    "--server.port=" + httpPort))
                    .rootCause().isInstanceOf(PostgresCluster.PortInUseException.class)
                    .hasMessageContaining("Port " + other.port() + " on 127.0.0.1 is in use by another process")
                    .hasMessageContaining("will not connect to it");

            assertThat(ownDataDir.resolve("postmaster.pid")).doesNotExist();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), httpPort).close())
                    .isInstanceOf(IOException.class);
            assertThat(other.isRunning()).isTrue();
        }
    }

    @Test
    void aServerLeftRunningOnTheDataDirectoryIsStoppedAndReplaced() throws Exception {
        var dataDir = dataDir("stale").toAbsolutePath();
        String id;
        try (var first = start(dataDir)) {
            var api = RestartIT.api(first);
            id = api.openAccount("Stale", "Server", "100");
            Await.until("the account projected", () -> api.get("reporter", "/api/accounts/" + id).status(),
                    status -> status == 200);
        }
        // what a ledger killed with -9 left behind before it had a watchdog: a daemonised server nobody owns
        var pgCtl = new ProcessBuilder(PostgresBinaries.unpack().pgCtl("-D", dataDir.toString(),
                "-l", dataDir.resolve("stray.log").toString(), "-w",
                "-o", "-p " + freePort() + " -c listen_addresses=127.0.0.1", "start"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(pgCtl.waitFor(60, TimeUnit.SECONDS) && pgCtl.exitValue() == 0).as("stray server started").isTrue();
        long strayPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());

        try (var second = start(dataDir)) {
            Await.until("the stray server gone", () -> Pids.alive(strayPid), alive -> !alive);
            assertThat(second.getBean(EmbeddedPostgresServer.class).cluster().postmasterPid()).isNotEqualTo(strayPid);
            assertThat(RestartIT.api(second).get("reporter", "/api/accounts/" + id).status()).isEqualTo(200);
        }
    }

    static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.embedded-postgres.data-dir=" + dataDir, "--ledger.embedded-postgres.port=0",
                "--server.port=0");
    }

    /**
     * The packaged ledger, as an operator runs it, killed with {@code -9}: its PostgreSQL is stopped by the watchdog
     * instead of running on, unowned, with the port and the data directory.
     */
    @Test
    void killingTheLedgerProcessStopsItsPostgres() throws Exception {
        var jar = packagedJar();
        assumeTrue(jar != null, "the packaged ledger jar (built by mvn package before the ITs)");
        var dataDir = dataDir("killed").toAbsolutePath();
        var output = Files.createTempFile(Path.of("target"), "killed-ledger", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        var ledger = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString(), "--server.port=0",
                "--ledger.embedded-postgres.port=0", "--ledger.embedded-postgres.data-dir=" + dataDir))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            Await.until("the packaged ledger started", Duration.ofMinutes(5), () -> read(output),
                    log -> log.contains("Started LedgerApplication") || !ledger.isAlive());
            assertThat(ledger.isAlive()).as(read(output)).isTrue();
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            assertThat(Pids.alive(postmaster)).isTrue();

            ledger.destroyForcibly();

            Await.until("its PostgreSQL (pid " + postmaster + ") stopped", Duration.ofSeconds(60),
                    () -> Pids.alive(postmaster), alive -> !alive);
            assertThat(dataDir.resolve("postmaster.pid")).as("a clean shutdown").doesNotExist();
        } finally {
            ledger.destroyForcibly();
        }
    }

    /**
     * Ctrl-C in the terminal signals the whole foreground process group: the ledger's PostgreSQL and its watchdog run
     * in sessions of their own, so the JVM stops its work first and the database last, in seconds and silently (it
     * used to take 12 s and hundreds of lines of stack traces, the database gone under running processors). The ready
     * line names the URL and where the data is.
     */
    @Test
    void ctrlCStopsTheLedgerCleanlyAndItsPostgresLast() throws Exception {
        var jar = packagedJar();
        assumeTrue(jar != null, "the packaged ledger jar (built by mvn package before the ITs)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "setsid, to run the ledger as a terminal would");
        var dataDir = dataDir("interrupted").toAbsolutePath();
        var output = Files.createTempFile(Path.of("target"), "interrupted-ledger", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        // setsid: the ledger leads a process group of its own, as a shell's foreground job does
        List<String> command = new ArrayList<>(List.of("/usr/bin/setsid"));
        if (sigintIgnored()) {
            // a shell ignores SIGINT for what it starts in the background (`mvn verify &` in a script), exec keeps it
            // ignored, and a JVM whose SIGINT is ignored never stops on it: start the ledger as a terminal would
            command.addAll(List.of("/usr/bin/env", "--default-signal=INT"));
        }
        command.addAll(List.of(java, "-Xmx512m", "-jar", jar.toString(), "--server.port=0",
                "--ledger.embedded-postgres.port=0", "--ledger.embedded-postgres.data-dir=" + dataDir));
        var ledger = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            Await.until("the packaged ledger ready", Duration.ofMinutes(5), () -> read(output),
                    log -> log.contains("Ledger ready at http://localhost:") || !ledger.isAlive());
            assertThat(ledger.isAlive()).as(read(output)).isTrue();
            assertThat(read(output)).contains("data in " + dataDir + " (embedded PostgreSQL)")
                    .contains("demo users agent");
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            int readyLength = read(output).length();

            var interrupt = new ProcessBuilder("kill", "-INT", "--", "-" + ledger.pid()).start();
            assertThat(interrupt.waitFor(10, TimeUnit.SECONDS) && interrupt.exitValue() == 0).isTrue();

            // seconds (0.7 s quiet, 1.2 s beside another build); a ledger still running at the deadline is dumped,
            // so a stop that hangs says where (that is how the ignored SIGINT above was found)
            long interrupted = System.nanoTime();
            boolean stopped = ledger.waitFor(2, TimeUnit.MINUTES);
            assertThat(stopped).as(() -> "stopped within 2 minutes; its threads:\n" + threadDump(java, ledger))
                    .isTrue();
            System.out.printf("ctrl-C: the ledger stopped in %.1f s%n", (System.nanoTime() - interrupted) / 1e9);
            assertThat(Pids.alive(postmaster)).as("its PostgreSQL stopped with it").isFalse();
            assertThat(dataDir.resolve("postmaster.pid")).as("a clean shutdown").doesNotExist();
            String stopping = read(output).substring(readyLength);
            assertThat(stopping).as("what the stop logged").doesNotContain("Exception").doesNotContain(" ERROR ")
                    .doesNotContain(" WARN ");
        } finally {
            ledger.destroyForcibly();
        }
    }

    /** Whether this JVM was started with SIGINT ignored ({@code SigIgn} of /proc/self/status: bit 2 - 1). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> new java.math.BigInteger(line.substring("SigIgn:".length()).strip(), 16))
                .anyMatch(mask -> mask.testBit(1));
    }

    /** The threads of a ledger still running (the ledger is the JVM itself: setsid execs it). */
    private static String threadDump(String java, Process ledger) {
        try {
            Path jcmdPath = Path.of(java).resolveSibling("jcmd");
            String tool = Files.isExecutable(jcmdPath) ? jcmdPath.toString() : "jcmd";
            // into a file, read once jcmd ended or was given up on: reading its pipe could wait for ever
            Path dump = Files.createTempFile(Path.of("target"), "interrupted-ledger-threads", ".txt");
            var jcmd = new ProcessBuilder(tool, String.valueOf(ledger.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            boolean ended = jcmd.waitFor(30, TimeUnit.SECONDS);
            jcmd.destroyForcibly();
            return Files.readString(dump, StandardCharsets.UTF_8) + (ended ? "" : "\n(jcmd did not finish)");
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("ledger-app-.*\\.jar"))
                    .findFirst().orElse(null);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
