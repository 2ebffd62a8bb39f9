package org.subledger.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --bench.NAME=VALUE} options of the benchmarks that drive a ledger started as its own process over HTTP
 * ({@link HttpChargeBenchmark}, {@link HttpUsageBenchmark}); unlike {@link BenchmarkSettings}, nothing is handed to an
 * in-process ledger.
 */
final class HttpBenchmarkOptions {

    private HttpBenchmarkOptions() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--bench.") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --bench.key=value, got " + arg);
            }
            settings.put(arg.substring("--bench.".length(), arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return settings;
    }

    static String required(Map<String, String> settings, String name) {
        String value = settings.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--bench." + name + " is required");
        }
        return value;
    }

    /** Samples the CPU of the machine, the ledger's PostgreSQL (by its data directory) and this client. */
    static LoadRunner runner(Map<String, String> settings) {
        return new LoadRunner(ResourceSampler.withoutDatabase(
                Path.of(settings.getOrDefault("postgres-data-dir", "/nonexistent"))));
    }
}
