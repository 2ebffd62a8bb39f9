package org.subledger.benchmarks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.platform.db.PostgresCluster;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the machine's resources go during a measured run. CPU, in cores (on a 2-core machine 2.0 is saturated): the
 * whole machine and its I/O wait (/proc/stat), this JVM, the embedded PostgreSQL (postmaster and backends, from
 * /proc), and everything else (other people's builds included). WAL, from {@code pg_stat_wal}: how many times
 * PostgreSQL flushed its log to disk (fsync, one per group of concurrently committing transactions) and how long a
 * flush took. CPU figures are NaN off Linux.
 */
final class ResourceSampler {

    private final Path postmasterPidFile;
    private final JdbcTemplate jdbc;

    /** @param postgres the embedded PostgreSQL; its data directory holds postmaster.pid */
    ResourceSampler(PostgresCluster postgres, JdbcTemplate jdbc) {
        this.postmasterPidFile = postgres.dataDir().resolve("postmaster.pid");
        this.jdbc = jdbc;
        // a fresh scratch cluster: timing its WAL flushes costs two clock reads per flush; a superuser's setting
        try (var superuser = postgres.connect(postgres.superuser()); var statement = superuser.createStatement()) {
            statement.execute("alter system set track_wal_io_timing = on");
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot switch on WAL timing", e);
        }
    }

    /** For a client measuring a ledger in another process: machine and PostgreSQL CPU only, no database queries. */
    private ResourceSampler(Path postgresDataDir) {
        this.postmasterPidFile = postgresDataDir.resolve("postmaster.pid");
        this.jdbc = null; // the statistics queries fail and count as zero
    }

    static ResourceSampler withoutDatabase(Path postgresDataDir) {
        return new ResourceSampler(postgresDataDir);
    }

    Snapshot snapshot() {
        long[] machine = machineTicks();
        long[] wal = walStats();
        long[] db = databaseStats();
        return new Snapshot(System.nanoTime(), machine[0], machine[1], machine[2], machine[3], jvmCpuNanos(),
                postgresTicks(), wal[0], wal[1], new WalWritten(wal[2], wal[3], wal[4]), db[0], db[1], db[2]);
    }

    /** Resource use between two snapshots. */
    static Usage between(Snapshot from, Snapshot to) {
        double seconds = (to.wallNanos - from.wallNanos) / 1e9;
        long walSyncs = to.walSyncs - from.walSyncs;
        double walSyncMicros = walSyncs > 0 ? (to.walSyncMicros - from.walSyncMicros) / (double) walSyncs : Double.NaN;
        var database = new DatabaseWork(to.commits - from.commits, to.rowsInserted - from.rowsInserted,
                to.rowsRead - from.rowsRead, to.wal.minus(from.wal));
        long total = to.totalTicks - from.totalTicks;
        if (total <= 0 || seconds <= 0 || from.cpus <= 0) {
            return new Usage(seconds, Double.NaN, Double.NaN, Double.NaN, Double.NaN, walSyncs, walSyncMicros,
                    database);
        }
        // ticks per second of one core, derived rather than assumed (USER_HZ is nearly always 100)
        double ticksPerCoreSecond = total / (seconds * from.cpus);
        double busy = (to.busyTicks - from.busyTicks) / ticksPerCoreSecond / seconds;
        double iowait = (to.iowaitTicks - from.iowaitTicks) / ticksPerCoreSecond / seconds;
        double jvm = (to.jvmCpuNanos - from.jvmCpuNanos) / 1e9 / seconds;
        double postgres = from.postgresTicks < 0 || to.postgresTicks < 0 ? Double.NaN
                : (to.postgresTicks - from.postgresTicks) / ticksPerCoreSecond / seconds;
        return new Usage(seconds, busy, iowait, jvm, postgres, walSyncs, walSyncMicros, database);
    }

    /**
     * {transactions committed, rows inserted, rows read} in this database, from {@code pg_stat_database}; the
     * sampler's own queries are a few per snapshot. Rows read are those fetched by index scans plus those returned
     * by sequential scans.
     */
    private long[] databaseStats() {
        try {
            return jdbc.queryForObject("select xact_commit, tup_inserted, tup_fetched + coalesce((select"
                            + " sum(seq_tup_read) from pg_stat_user_tables), 0) from pg_stat_database"
                            + " where datname = current_database()",
                    (row, n) -> new long[]{row.getLong(1), row.getLong(2), row.getLong(3)});
        } catch (RuntimeException e) {
            return new long[]{0, 0, 0};
        }
    }

    /**
     * {WAL flushes, microseconds spent in them, WAL bytes, full-page images in them, checkpoints started}; all count
     * only what the backends have reported (≤ 1 s late).
     */
    private long[] walStats() {
        long[] stats = new long[5];
        try {
            jdbc.query("select wal_sync, (wal_sync_time * 1000)::bigint, wal_bytes::bigint, wal_fpi from pg_stat_wal",
                    row -> {
                        for (int i = 0; i < 4; i++) {
                            stats[i] = row.getLong(i + 1);
                        }
                    });
            // PostgreSQL 17 and later (an external server may be older: the checkpoints then count as zero)
            stats[4] = jdbc.queryForObject("select num_timed + num_requested from pg_stat_checkpointer", Long.class);
        } catch (RuntimeException e) {
            // what could not be read counts as zero
        }
        return stats;
    }

    /** {busy, total, iowait, cpus} from the first lines of /proc/stat. */
    private static long[] machineTicks() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]), iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]), softirq = Long.parseLong(f[7]), steal = Long.parseLong(f[8]);
            long total = user + nice + system + idle + iowait + irq + softirq + steal;
            long busy = user + nice + system + irq + softirq + steal;
            long cpus = lines.stream().filter(line -> line.matches("cpu\\d+ .*")).count();
            return new long[]{busy, total, iowait, cpus};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0, 0, 0};
        }
    }

    private static long jvmCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** User + system ticks of the postmaster, its live backends, and its backends that already exited. */
    private long postgresTicks() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(postmasterPidFile).get(0).trim());
            long ticks = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    String name = process.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String[] f = statFields(process);
                    if (f == null) {
                        continue;
                    }
                    long pid = Long.parseLong(name);
                    long parent = Long.parseLong(f[1]);
                    if (pid == postmaster) {
                        // utime, stime, and the reaped children's cutime, cstime
                        ticks += cpuTicks(f) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    } else if (parent == postmaster) {
                        ticks += cpuTicks(f);
                    }
                }
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** User + system CPU ticks (1/100 s) of a process or thread, from its {@link #statFields}. */
    static long cpuTicks(String[] f) {
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** The fields of /proc/PID/stat after the command name: [0] is the state, [1] the parent pid, [11] utime. */
    static String[] statFields(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null; // the process ended meanwhile
        }
    }

    /**
     * User + system CPU ticks (1/100 s) of a JVM's JIT compiler threads ({@code C1 CompilerThread…},
     * {@code C2 CompilerThread…}, from {@code /proc/PID/task}); -1 when unknown. A ledger still compiling its hot paths
     * spends a large share of a core on them, which no steady-state figure should include.
     */
    static long compilerTicks(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (pid <= 0 || !Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (var threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                String name;
                try {
                    name = Files.readString(thread.resolve("comm")).trim();
                } catch (IOException | RuntimeException ended) {
                    continue; // the thread ended meanwhile
                }
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    String[] f = statFields(thread);
                    if (f != null) {
                        ticks += cpuTicks(f);
                    }
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks;
    }

    record Snapshot(long wallNanos, long busyTicks, long totalTicks, long iowaitTicks, long cpus, long jvmCpuNanos,
                    long postgresTicks, long walSyncs, long walSyncMicros, WalWritten wal, long commits,
                    long rowsInserted, long rowsRead) {
    }

    /**
     * WAL written: bytes, full-page images among them (a page's first change after a checkpoint writes all of it),
     * checkpoints started (timed or requested; from {@code pg_stat_checkpointer}).
     */
    record WalWritten(long bytes, long fullPageImages, long checkpoints) {

        WalWritten minus(WalWritten other) {
            return new WalWritten(bytes - other.bytes, fullPageImages - other.fullPageImages,
                    checkpoints - other.checkpoints);
        }

        /** e.g. "WAL 9.8 kB per subscription (0.4 full-page images), 1 checkpoint started". */
        String per(long operations, String operation) {
            return String.format("WAL %.1f kB per %s (%.2f full-page images), %d checkpoint%s started",
                    bytes / 1000.0 / operations, operation, fullPageImages / (double) operations, checkpoints,
                    checkpoints == 1 ? "" : "s");
        }
    }

    /** What PostgreSQL did in a period: transactions committed, rows inserted, rows read, WAL written. */
    record DatabaseWork(long commits, long rowsInserted, long rowsRead, WalWritten wal) {

        /** e.g. "1.00 transactions, 1.00 rows inserted, 0.0 rows read" per operation. */
        String per(long operations) {
            if (operations <= 0) {
                return "";
            }
            return String.format("%.3f commits, %.2f rows inserted, %.1f rows read", commits / (double) operations,
                    rowsInserted / (double) operations, rowsRead / (double) operations);
        }
    }

    /**
     * Average cores busy over {@code seconds}: the whole machine, in I/O wait, this JVM, PostgreSQL; WAL flushes in
     * the period and their average duration.
     */
    record Usage(double seconds, double machineCores, double iowaitCores, double jvmCores, double postgresCores,
                 long walSyncs, double walSyncMicros, DatabaseWork database) {

        double otherCores() {
            return Math.max(0, machineCores - jvmCores - (Double.isNaN(postgresCores) ? 0 : postgresCores));
        }

        double walSyncsPerSecond() {
            return walSyncs / seconds;
        }

        /** e.g. "CPU 1.97 of 2 cores busy: ledger JVM 1.21, PostgreSQL 0.66, other 0.10; I/O wait 0.01; ...". */
        String describe(long cpus) {
            return String.format("CPU %.2f of %d cores busy: ledger JVM %.2f, PostgreSQL %.2f, other processes %.2f;"
                            + " I/O wait %.2f | WAL fsyncs %,.0f/s, %.2f ms each", machineCores, cpus, jvmCores,
                    postgresCores, otherCores(), iowaitCores, walSyncsPerSecond(), walSyncMicros / 1000);
        }
    }
}
