package org.subledger.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The machine, the JVM, the PostgreSQL and the ledger settings a run was measured with, as label → value. */
final class MachineInfo {

    private MachineInfo() {
    }

    static Map<String, String> describe(DataSource dataSource, Environment environment, Path dataDir) {
        var jdbc = new JdbcTemplate(dataSource);
        Map<String, String> info = new LinkedHashMap<>();
        info.put("CPU", cpuModel());
        info.put("cores (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        info.put("memory", memory());
        info.put("OS", osRelease() + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", " + System.getProperty("os.arch") + ")");
        info.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + mib(Runtime.getRuntime().maxMemory()) + ", GC "
                + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + ")));
        info.put("PostgreSQL", jdbc.queryForObject("select version()", String.class));
        info.put("PostgreSQL settings", List.of("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method",
                        "shared_buffers", "max_connections").stream()
                .map(name -> name + "=" + jdbc.queryForObject("show " + name, String.class))
                .collect(Collectors.joining(", ")));
        info.put("PostgreSQL data directory", dataDir + " (fresh, deleted at the end)");
        info.put("JDBC pool", dataSource instanceof HikariDataSource hikari
                ? "Hikari, " + hikari.getMaximumPoolSize() + " connections, " + hikari.getJdbcUrl().replaceAll(
                "//[^/]*/", "//…/") : dataSource.getClass().getSimpleName());
        info.put("ledger settings", "ledger.command.account-cache-size="
                + environment.getProperty("ledger.command.account-cache-size", "10000 (default)")
                + ", ledger.axon.processor-batch-size="
                + environment.getProperty("ledger.axon.processor-batch-size", "100 (default)")
                + ", ledger.axon.processor-segments="
                + environment.getProperty("ledger.axon.processor-segments", "2 (default)"));
        return info;
    }

    static String mib(long bytes) {
        return String.format("%,d MiB", bytes / (1024 * 1024));
    }

    private static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name", System.getProperty("os.arch"));
    }

    private static String memory() {
        String kb = firstValue(Path.of("/proc/meminfo"), "MemTotal", null);
        if (kb == null) {
            return "unknown";
        }
        long total = Long.parseLong(kb.replaceAll("[^0-9]", "")) * 1024;
        return String.format("%.1f GiB", total / (1024.0 * 1024 * 1024));
    }

    private static String osRelease() {
        String pretty = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", "");
        return pretty.replace("\"", "").replaceFirst("^=", "");
    }

    /** The value after the first "key:" or "key=" line of a file. */
    private static String firstValue(Path file, String key, String fallback) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(key.length()).replaceFirst("^\\s*[:=]\\s*", "").trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return fallback;
    }
}
