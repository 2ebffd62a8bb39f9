package org.subledger.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects the figures of a run and renders them as the Markdown that goes into docs/benchmarks.md. */
final class Report {

    static final String COMMANDS = "PostCharge, projections stopped";
    static final String COMMANDS_WITH_PROJECTIONS = "PostCharge, projections running";
    static final double COMMAND_GOAL = 0.5;
    static final double REPLAY_GOAL = 50_000;

    private final long cpus = Runtime.getRuntime().availableProcessors();
    final Map<String, String> machine = new LinkedHashMap<>();
    final Map<String, List<LoadRunner.Result>> commands = new LinkedHashMap<>();
    final List<LoadRunner.Result> rawSingle = new ArrayList<>();
    final List<LoadRunner.Result> rawBatches = new ArrayList<>();
    final List<ProjectionReplay.Result> replays = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    ProjectionReplay.Result catchUp;
    int batchRows;
    double accountsOpenedPerSecond;
    int accounts;
    long peakHeapBytes;

    Optional<LoadRunner.Result> command(String kind, int clients) {
        return commands.getOrDefault(kind, List.of()).stream().filter(r -> r.clients() == clients).findFirst();
    }

    Optional<LoadRunner.Result> rawSingle(int clients) {
        return rawSingle.stream().filter(r -> r.clients() == clients).findFirst();
    }

    /** "PostCharge at N clients = X% of raw single-row inserts at N clients", when both were measured. */
    Optional<String> ratio(int clients) {
        var command = command(COMMANDS, clients);
        var raw = rawSingle(clients);
        if (command.isEmpty() || raw.isEmpty()) {
            return Optional.empty();
        }
        double ratio = command.get().perSecond() / raw.get().perSecond();
        return Optional.of(String.format("PostCharge at %d client%s = %.0f%% of raw single-row inserts at %d client%s"
                        + " (%,.0f commands/s vs %,.0f rows/s)", clients, clients == 1 ? "" : "s", ratio * 100, clients,
                clients == 1 ? "" : "s", command.get().perSecond(), raw.get().perSecond()));
    }

    Optional<Double> commandRatio(int clients) {
        var command = command(COMMANDS, clients);
        var raw = rawSingle(clients);
        return command.isPresent() && raw.isPresent()
                ? Optional.of(command.get().perSecond() / raw.get().perSecond()) : Optional.empty();
    }

    String markdown() {
        var out = new StringBuilder();
        out.append("| | |\n| --- | --- |\n");
        machine.forEach((key, value) -> out.append("| ").append(key).append(" | ").append(value).append(" |\n"));
        out.append("\n| measurement | clients | throughput | p50 | p99 | CPU busy of ").append(cpus)
                .append(" cores: JVM / PostgreSQL / other | CPU per operation: JVM / PostgreSQL"
                        + " | WAL fsyncs/s (ms each) | database per operation: commits / rows inserted / rows read |\n")
                .append("| --- | ---: | ---: | ---: | ---: | --- | --- | --- | --- |\n");
        out.append(String.format("| OpenAccount, 16 senders (%,d accounts) | 16 | %,.0f commands/s | | | | | | |%n",
                accounts, accountsOpenedPerSecond));
        commands.forEach((kind, results) -> results.forEach(r ->
                out.append(row(kind, r, "commands/s", 1))));
        rawSingle.forEach(r -> out.append(row("raw insert, 1 row per transaction", r, "rows/s", 1)));
        rawBatches.forEach(r -> out.append(row("raw insert, " + batchRows + " rows per transaction", r, "rows/s",
                batchRows)));
        if (catchUp != null) {
            out.append(replayRow("catch-up of " + catchUp.processors() + " after the command runs", catchUp));
        }
        replays.forEach(r -> out.append(replayRow("replay of " + r.processors(), r)));
        out.append(String.format("%nPeak heap used: %s (max heap %s).%n", MachineInfo.mib(peakHeapBytes),
                MachineInfo.mib(Runtime.getRuntime().maxMemory())));
        out.append("\n| goal | measured | met |\n| --- | --- | --- |\n");
        for (int clients : List.of(16, 1)) {
            commandRatio(clients).ifPresent(ratio -> out.append(String.format(
                    "| PostCharge at %d client%s ≥ 50%% of raw single-row inserts at %1$d | %.0f%% (%,.0f vs %,.0f) | %s |%n",
                    clients, clients == 1 ? "" : "s", ratio * 100, command(COMMANDS, clients).get().perSecond(),
                    rawSingle(clients).get().perSecond(), clients == 16 ? (ratio >= COMMAND_GOAL ? "yes" : "**no**")
                            : "(for reference)")));
        }
        for (ProjectionReplay.Result replay : replays) {
            out.append(String.format("| replay of %s ≥ 50,000 events/s | %,.0f events/s | %s |%n", replay.processors(),
                    replay.perSecond(), replay.perSecond() >= REPLAY_GOAL ? "yes" : "**no**"));
        }
        notes.forEach(note -> out.append("\n").append(note).append("\n"));
        return out.toString();
    }

    private String row(String what, LoadRunner.Result r, String unit, int rowsPerOperation) {
        String throughput = String.format("%,.0f %s", r.perSecond() * rowsPerOperation, unit)
                + (rowsPerOperation > 1 ? String.format(" (%,.0f transactions/s)", r.perSecond()) : "")
                + (r.errors() > 0 ? String.format(", %,d errors", r.errors()) : "");
        return String.format("| %s | %d | %s | %.1f ms | %.1f ms | %s | %s | %s | %s |%n", what, r.clients(),
                throughput, r.p50Nanos() / 1e6, r.p99Nanos() / 1e6, cpu(r.cpu()),
                perOperation(r.cpu(), r.operations() * (long) rowsPerOperation, rowsPerOperation > 1 ? "row" : null),
                wal(r.cpu()), database(r.cpu(), r.operations()) + (rowsPerOperation > 1 ? " per transaction" : ""));
    }

    private String replayRow(String what, ProjectionReplay.Result r) {
        return String.format("| %s | | %,.0f events/s (%,d events in %.1f s) | | | %s | %s | %s | %s per event |%n",
                what, r.perSecond(), r.events(), r.seconds(), cpu(r.cpu()), perOperation(r.cpu(), r.events(), "event"),
                wal(r.cpu()), database(r.cpu(), r.events()));
    }

    private static String cpu(ResourceSampler.Usage u) {
        return String.format("%.2f: %.2f / %.2f / %.2f", u.machineCores(), u.jvmCores(), u.postgresCores(),
                u.otherCores());
    }

    private static String database(ResourceSampler.Usage u, long operations) {
        var db = u.database();
        return operations <= 0 ? "" : String.format("%.3f / %.2f / %.1f", db.commits() / (double) operations,
                db.rowsInserted() / (double) operations, db.rowsRead() / (double) operations);
    }

    private static String wal(ResourceSampler.Usage u) {
        return String.format("%,.0f (%.2f ms)", u.walSyncsPerSecond(), u.walSyncMicros() / 1000);
    }

    /** CPU microseconds per operation (or per row / event). */
    static String perOperation(ResourceSampler.Usage u, long operations, String unit) {
        if (operations == 0) {
            return "";
        }
        double jvm = u.jvmCores() * u.seconds() / operations * 1e6;
        double postgres = u.postgresCores() * u.seconds() / operations * 1e6;
        return String.format("%.0f µs / %.0f µs%s", jvm, postgres, unit == null ? "" : " per " + unit);
    }
}
