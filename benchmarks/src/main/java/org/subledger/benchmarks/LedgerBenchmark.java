package org.subledger.benchmarks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.platform.db.EmbeddedPostgresServer;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Measures the whole ledger in one process on a fresh embedded PostgreSQL (durable: fsync and synchronous_commit on):
 * PostCharge commands per second through the command gateway at several client counts, the same database's raw
 * insert rate for event-shaped rows, and the projections' replay speed. Prints the machine, every figure as it is
 * measured, and a Markdown summary for docs/benchmarks.md. Run by {@code benchmarks/run.sh}; see
 * docs/benchmarks.md for the settings.
 */
public final class LedgerBenchmark {

    private final BenchmarkSettings settings;
    private final Report report = new Report();
    private final long cpus = Runtime.getRuntime().availableProcessors();
    private ResourceSampler cpu;
    private CommandThroughput commands;
    private RawInsertRate raw;
    private EventTopUp store;
    private ProjectionReplay projections;

    private LedgerBenchmark(BenchmarkSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("deactivation-run")) { // benchmarks/deactivation-run.sh
            DeactivationRunBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("bill-run")) { // benchmarks/bill-run.sh
            BillRunBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("verify-speed")) { // benchmarks/verify-speed.sh
            VerifySpeedBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("projection-check")) { // benchmarks/projection-check.sh
            ProjectionCheckBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("chain-cost")) { // benchmarks/chain-cost.sh
            ChainCostBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("access-filter")) { // benchmarks/access-filter.sh
            AccessFilterBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("http-usage")) { // benchmarks/http-usage.sh
            HttpUsageBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("http-open")) { // benchmarks/http-open.sh
            HttpOpenBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("account-history")) { // benchmarks/account-history.sh
            AccountHistoryBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("http-charges")) { // benchmarks/http-charges.sh
            HttpChargeBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        var settings = BenchmarkSettings.from(args);
        InProcessLedger.runAndExit("benchmark", settings.ledgerProperties(), (context, postgresDir, heap) -> {
            new LedgerBenchmark(settings).run(context, postgresDir, heap);
            return 0;
        });
    }

    private void run(ConfigurableApplicationContext context, Path postgresDir, HeapSampler heap) throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        var jdbc = new JdbcTemplate(dataSource);
        cpu = new ResourceSampler(context.getBean(EmbeddedPostgresServer.class).cluster(), jdbc);
        var runner = new LoadRunner(cpu);
        commands = new CommandThroughput(context.getBean(CommandGateway.class), runner, settings.accounts());
        raw = new RawInsertRate(dataSource, runner, settings.accounts());
        store = new EventTopUp(context.getBean(EventStorageEngine.class), jdbc);
        projections = new ProjectionReplay(context.getBean(Configuration.class), context.getBean(TokenStore.class),
                context.getBean(TransactionManager.class), cpu);

        report.machine.putAll(MachineInfo.describe(dataSource, context.getEnvironment(), postgresDir));
        if (settings.eventFetchSize() > 0) {
            report.machine.put("experiment", Experiments.eventFetchSize(context.getBean(EventStorageEngine.class),
                    settings.eventFetchSize()));
        }
        report.machine.put("run settings", String.format("%,d accounts, %s warm-up + %s measured per command run,"
                        + " %s measured per raw insert run, replay after ≥ %,d events",
                settings.accounts(), seconds(settings.warmup()), seconds(settings.duration()),
                seconds(settings.rawDuration()), settings.replayEvents())
                + (settings.replayProcessors().isEmpty() ? " of every projection"
                : " of " + String.join(", ", settings.replayProcessors())));
        System.out.println();
        report.machine.forEach((key, value) -> System.out.printf("%-26s %s%n", key + ":", value));
        System.out.println("event processors:          " + projections.names());
        System.out.println();

        commandsAndRawInserts();
        catchUpAndCommandsWithProjections();
        replays();
        new ReadModelCheck(jdbc).describe(settings.accounts()).forEach(line -> {
            log(line);
            report.notes.add(line);
        });

        report.peakHeapBytes = heap.peakBytes();
        System.out.println();
        System.out.println("==== summary (Markdown, for docs/benchmarks.md) ====");
        System.out.println();
        System.out.println(report.markdown());
    }

    private void commandsAndRawInserts() throws Exception {
        // ---- commands, projections stopped: the command side on its own, as the raw inserts are measured --------
        projections.stopAll();
        log(String.format("opening %,d accounts through the command gateway (16 senders)", settings.accounts()));
        report.accounts = settings.accounts();
        report.accountsOpenedPerSecond = commands.openAccounts(16);
        log(String.format("opened: %,.0f accounts/s", report.accountsOpenedPerSecond));
        commands.postOneCharge(); // a stored ChargePosted is the template of the raw rows

        // the raw single-row run of a client count goes right before the PostCharge run of the same count, so the
        // two figures of a ratio see the same machine (it is shared, and its load drifts)
        int rowChars = raw.createTable();
        log("raw inserts go into " + RawInsertRate.TABLE + ", rows copied from a stored ChargePosted (" + rowChars
                + " characters of payload + metadata)");
        Duration rawWarmup = settings.warmup().compareTo(Duration.ofSeconds(2)) < 0 ? settings.warmup()
                : Duration.ofSeconds(2);
        report.batchRows = settings.batchRows();
        try {
            var clientCounts = new TreeSet<>(settings.clients());
            clientCounts.addAll(settings.rawClients());
            for (int clients : clientCounts) {
                if (settings.rawClients().contains(clients)) {
                    var result = raw.singleRows(clients, rawWarmup, settings.rawDuration());
                    report.rawSingle.add(result);
                    print("raw insert, 1 row/tx", result, "rows/s", 1);
                }
                if (settings.clients().contains(clients)) {
                    record(Report.COMMANDS, commands.postCharges("post-charge", clients, settings.warmup(),
                            settings.duration()));
                }
            }
            for (int clients : settings.rawBatchClients()) {
                var result = raw.batches(clients, settings.batchRows(), rawWarmup, settings.rawDuration());
                report.rawBatches.add(result);
                print("raw insert, " + settings.batchRows() + " rows/tx", result, "rows/s", settings.batchRows());
            }
        } finally {
            raw.dropTable();
        }
        System.out.println();
        for (int clients : List.of(16, 1)) {
            report.ratio(clients).ifPresent(line -> System.out.println(line));
        }
        report.commandRatio(16).ifPresent(ratio -> System.out.printf("goal (PostCharge at 16 clients >= 50%% of raw"
                + " single-row inserts at 16 clients): %s%n%n", ratio >= Report.COMMAND_GOAL ? "MET" : "NOT MET"));
    }

    private void catchUpAndCommandsWithProjections() throws Exception {
        // ---- projections catch up, then commands with the projections running in the same process --------------
        long backlog = store.events();
        var catchUpStart = cpu.snapshot();
        projections.startAll();
        var caughtUp = projections.awaitCaughtUp(projections.names(), store.head(), settings.replayTimeout());
        report.catchUp = new ProjectionReplay.Result(String.join(" + ", projections.names()), backlog,
                caughtUp.toNanos() / 1e9, ResourceSampler.between(catchUpStart, cpu.snapshot()));
        log(String.format("projections caught up with %,d events in %.1f s: %,.0f events/s | %s", backlog,
                report.catchUp.seconds(), report.catchUp.perSecond(), report.catchUp.cpu().describe(cpus)));
        for (int clients : settings.clientsWithProjections()) {
            record(Report.COMMANDS_WITH_PROJECTIONS, commands.postCharges("post-charge-projections", clients,
                    settings.warmup(), settings.duration()));
        }
    }

    private void replays() throws Exception {
        // ---- projection replay ---------------------------------------------------------------------------------
        long appended = store.topUp(settings.replayEvents());
        if (appended > 0) {
            log(String.format("appended %,d ChargePosted events through the EventStorageEngine", appended));
        }
        long events = store.events();
        long head = store.head();
        log(String.format("event store holds %,d events (head global index %,d); waiting for the projections",
                events, head));
        projections.awaitCaughtUp(projections.names(), head, settings.replayTimeout());
        List<String> replayed = settings.replayProcessors().isEmpty() ? projections.names()
                : settings.replayProcessors().stream().filter(name -> {
                    boolean present = projections.names().contains(name);
                    if (!present) {
                        log("no resettable streaming processor named " + name + "; not replayed");
                    }
                    return present;
                }).toList();
        List<List<String>> replays = new ArrayList<>();
        replayed.forEach(name -> replays.add(List.of(name)));
        if (replayed.size() > 1) {
            replays.add(replayed);
        }
        for (List<String> names : replays) {
            var result = projections.replay(names, head, events, settings.replayTimeout());
            report.replays.add(result);
            log(String.format("replay of %s: %,d events in %.2f s = %,.0f events/s | %s | per event: %s",
                    result.processors(), events, result.seconds(), result.perSecond(), result.cpu().describe(cpus),
                    Report.perOperation(result.cpu(), events, null)));
            log("    database work per event: " + result.cpu().database().per(events));
        }
    }

    private void record(String kind, LoadRunner.Result result) {
        report.commands.computeIfAbsent(kind, k -> new ArrayList<>()).add(result);
        print(kind, result, "commands/s", 1);
    }

    private void print(String what, LoadRunner.Result r, String unit, int rowsPerOperation) {
        log(String.format("%s, %d client%s: %,.0f %s (%s%s), %s%s | %s | per %s: %s", what, r.clients(),
                r.clients() == 1 ? "" : "s", r.perSecond() * rowsPerOperation, unit,
                String.format("%,d in %.0f s", r.operations() * rowsPerOperation, r.seconds()),
                rowsPerOperation > 1 ? String.format(", %,.0f transactions/s", r.perSecond()) : "",
                r.latencies(), rowsPerOperation > 1 ? " per transaction" : "",
                r.cpu().describe(cpus), rowsPerOperation > 1 ? "row" : "operation",
                Report.perOperation(r.cpu(), r.operations() * (long) rowsPerOperation, null)));
        log("    database work per " + (rowsPerOperation > 1 ? "transaction" : "operation") + ": "
                + r.cpu().database().per(r.operations()));
        if (r.errors() > 0) {
            log(String.format("  %,d operations failed; the first: %s", r.errors(), r.firstError()));
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }

    static void log(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + message);
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    System.err.println("could not delete " + path + ": " + e);
                }
            });
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
