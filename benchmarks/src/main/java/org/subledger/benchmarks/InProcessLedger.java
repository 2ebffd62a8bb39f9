package org.subledger.benchmarks;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.subledger.app.LedgerApplication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the whole ledger in this JVM on a fresh embedded PostgreSQL in a temporary directory, runs a benchmark on it,
 * then stops it and deletes the directory, also when the JVM is interrupted. For the in-process benchmarks that take
 * {@code --bench.*} settings and pass every other {@code --key=value} to the ledger.
 */
final class InProcessLedger {

    /** A benchmark run on the started ledger; its answer is the process's exit code. */
    interface Run {
        int on(ConfigurableApplicationContext ledger, Path postgresDir, HeapSampler heap) throws Exception;
    }

    private InProcessLedger() {
    }

    /** Splits {@code --bench.NAME=VALUE} settings (returned, without the prefix) from the ledger's properties. */
    static Map<String, String> settings(String[] args, Map<String, String> ledgerProperties) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --key=value, got " + arg);
            }
            String key = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            if (key.startsWith("bench.")) {
                settings.put(key.substring("bench.".length()), value);
            } else {
                ledgerProperties.put(key, value);
            }
        }
        return settings;
    }

    /** Runs {@code run} on a fresh ledger with {@code properties} (over the quiet defaults) and exits the JVM. */
    static void runAndExit(String name, Map<String, String> properties, Run run) throws Exception {
        runAndExit(name, properties, null, run);
    }

    /**
     * As {@link #runAndExit(String, Map, Run)}, on {@code keptDir} when given: a fresh directory the ledger's
     * PostgreSQL data stays in afterwards (stopped), for a command run after this JVM (e.g. {@code verify}).
     */
    static void runAndExit(String name, Map<String, String> properties, Path keptDir, Run run) throws Exception {
        Path workDir = keptDir == null ? Files.createTempDirectory("ledger-" + name + "-")
                : Files.createDirectories(keptDir);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("ledger.embedded-postgres.data-dir", workDir.resolve("postgres").toString());
        all.put("ledger.embedded-postgres.port", "0");
        all.put("server.port", "-1");
        all.put("spring.main.banner-mode", "off");
        all.put("logging.level.root", "WARN");
        all.put("logging.level.org.springframework.core.annotation", "ERROR");
        all.put("logging.level.org.flywaydb", "ERROR");
        all.putAll(properties);
        var context = new ConfigurableApplicationContext[1];
        var cleaned = new AtomicBoolean();
        Runnable cleanUp = () -> {
            if (cleaned.compareAndSet(false, true)) {
                try {
                    if (context[0] != null) {
                        context[0].close(); // stops the embedded PostgreSQL
                    }
                } catch (Throwable e) {
                    System.err.println("closing the ledger failed: " + e);
                }
                if (keptDir == null) {
                    LedgerBenchmark.deleteRecursively(workDir);
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(cleanUp, "benchmark-clean-up"));
        int exitCode;
        try (var heap = new HeapSampler()) {
            LedgerBenchmark.log("starting the ledger on a fresh embedded PostgreSQL in " + workDir);
            context[0] = new SpringApplicationBuilder(LedgerApplication.class)
                    // the command side's HTTP filters need a servlet context; server.port=-1 opens no port
                    .web(WebApplicationType.SERVLET)
                    .registerShutdownHook(false)
                    .run(all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                            .toArray(String[]::new));
            exitCode = run.on(context[0], workDir.resolve("postgres"), heap);
        } catch (Throwable e) {
            e.printStackTrace();
            exitCode = 1;
        } finally {
            cleanUp.run();
        }
        System.exit(exitCode);
    }
}
