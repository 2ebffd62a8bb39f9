package org.subledger.benchmarks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.OpenAccount;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.account.PostCharge;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.collections.CreateRunDefinition;
import org.subledger.kernel.collections.RequestCollectionRun;
import org.subledger.kernel.collections.RunKind;
import org.subledger.kernel.collections.RunSettings;
import org.subledger.kernel.subscription.BecomeSubscriber;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.platform.db.EmbeddedPostgresServer;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.subledger.benchmarks.LedgerBenchmark.log;

/**
 * A deactivation run over N accounts of which M match (issue 14's figure: 100,000 accounts, 20,000 matching, goal
 * under 60 s), on a fresh embedded PostgreSQL. One account in N/M owes 25.00 (matches "more than 10.00 due 10 days
 * ago"), as many again owe 9.00 (do not match), the rest owe nothing; each has one effective GOLD subscription. The
 * customers are made by the ledger's own commands (OpenAccount, BecomeSubscriber effective, PostCharge): with
 * {@code --bench.seed=commands} every one of them, from several sender threads; by default
 * ({@code --bench.seed=copies}) one of each kind, the others copies of their streams with their own ids
 * ({@link CustomerCopies}). The saga processors (provisioning, event charges) are shut down before seeding, as in the
 * bill-run benchmark: they would charge 100,000 start-up fees and provision 100,000 set-top boxes; the projections
 * stay on, and the run starts once they have caught up.
 *
 * <p>The run is timed from the run-now command until its {@code CollectionRunCompleted} event; the selection (one
 * query on the read models) and the acting are told apart by the run's own event timestamps. The check: matched and
 * acted are M, one SubscriptionDeactivated per matching subscription, none for the others.
 *
 * <p>Run by {@code benchmarks/deactivation-run.sh}: {@code --bench.accounts=N}, {@code --bench.matching=M},
 * {@code --bench.seed=copies|commands}, {@code --bench.senders=8}, {@code --bench.batch-size=1000},
 * {@code --bench.timeout=PT30M}; any other
 * {@code --key=value} goes to the ledger.
 */
final class DeactivationRunBenchmark {

    private static final List<String> SAGA_PROCESSORS = List.of("provisioning", "event-charges");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate CREATED_ON = LocalDate.of(2026, 1, 1);

    private DeactivationRunBenchmark() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("logging.level.org.subledger.command.collections", "INFO");
        properties.put("ledger.collections.check", "PT0.2S");
        Map<String, String> settings = InProcessLedger.settings(args, properties);
        int accounts = Integer.parseInt(settings.getOrDefault("accounts", "100000").replace("_", ""));
        int matching = Integer.parseInt(settings.getOrDefault("matching", "20000").replace("_", ""));
        int senders = Integer.parseInt(settings.getOrDefault("senders", "8"));
        int batchSize = Integer.parseInt(settings.getOrDefault("batch-size", "1000"));
        Duration timeout = Duration.parse(settings.getOrDefault("timeout", "PT30M"));
        boolean copies = "copies".equals(settings.getOrDefault("seed", "copies"));
        InProcessLedger.runAndExit("deactivation-run", properties, (context, postgresDir, heap) ->
                run(context, postgresDir, accounts, matching, senders, batchSize, timeout, copies) ? 0 : 2);
    }

    private static boolean run(ConfigurableApplicationContext context, Path postgresDir, int n, int m, int senders,
                               int batchSize, Duration timeout, boolean copies) throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        var jdbc = new JdbcTemplate(dataSource);
        var axon = context.getBean(Configuration.class);
        var commands = context.getBean(CommandGateway.class);
        var store = new EventTopUp(context.getBean(EventStorageEngine.class), jdbc);
        var cpu = new ResourceSampler(context.getBean(EmbeddedPostgresServer.class).cluster(), jdbc);
        var projections = new ProjectionReplay(axon, context.getBean(TokenStore.class),
                context.getBean(TransactionManager.class), cpu);
        Clock clock = context.getBean(Clock.class);

        System.out.println();
        MachineInfo.describe(dataSource, context.getEnvironment(), postgresDir)
                .forEach((key, value) -> System.out.printf("%-26s %s%n", key + ":", value));
        System.out.printf("%-26s %,d accounts, %,d matching, seeded by %s, batches of %,d, %s subscriptions acted on"
                        + " at a time%n", "run settings:", n, m, copies ? "copies of three customers made by commands"
                        : senders + " command senders", batchSize,
                context.getEnvironment().getProperty("ledger.collections.parallelism", "4 (default)"));
        System.out.println();

        for (String saga : SAGA_PROCESSORS) {
            EventProcessor processor = axon.eventProcessingConfiguration().eventProcessor(saga)
                    .orElseThrow(() -> new IllegalStateException("no saga processor " + saga));
            processor.shutDown();
        }
        Object sampleCatalog = context.getBean("sampleCatalog");
        var load = sampleCatalog.getClass().getDeclaredMethod("load");
        load.setAccessible(true);
        log("sample catalog loaded: " + load.invoke(sampleCatalog) + " commands; saga processors shut down: "
                + SAGA_PROCESSORS);

        // ---- seeding, through the ledger's commands ---------------------------------------------------------------
        int every = Math.max(1, n / Math.max(1, m));
        long seedStart = System.nanoTime();
        if (copies) {
            new CustomerCopies(commands, context.getBean(EventStorageEngine.class),
                    context.getBean("eventSerializer", Serializer.class)).seed(n, i -> owes(i, every, m));
        } else {
            seedByCommands(commands, n, i -> owes(i, every, m), senders);
        }
        log(String.format("seeded %,d accounts and subscriptions (%s) in %.1f s | %s", n,
                copies ? "copies of three made by commands" : "through commands",
                (System.nanoTime() - seedStart) / 1e9, MachineLoad.now()));
        long head = store.head();
        long catchUpStart = System.nanoTime();
        projections.awaitCaughtUp(projections.names(), head, timeout);
        log(String.format("projections caught up (global index %,d) in %.1f s | %s", head,
                (System.nanoTime() - catchUpStart) / 1e9, MachineLoad.now()));

        // ---- the run ----------------------------------------------------------------------------------------------
        String definitionId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateRunDefinition(definitionId, new RunSettings("Benchmark deactivation",
                RunKind.DEACTIVATION, Money.of(new BigDecimal("10.00"), EUR), 10, null, null, null, List.of("GOLD"),
                batchSize, Duration.ZERO, null, null, null)));
        String runId = UUID.randomUUID().toString();
        LocalDate asOf = LocalDate.now(clock).plusDays(30);
        String loadBefore = MachineLoad.now();
        var cpuBefore = cpu.snapshot();
        long start = System.nanoTime();
        commands.sendAndWait(new RequestCollectionRun(definitionId, runId, asOf));
        long deadline = start + timeout.toNanos();
        long lastReport = start;
        while (!completed(jdbc, runId)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run not completed within " + timeout);
            }
            Thread.sleep(20);
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                log(String.format("  … %,d batches recorded (%s)", jdbc.queryForObject("""
                        select count(*) from domain_event_entry where aggregate_identifier = ?
                          and payload_type like '%CollectionRunBatchProcessed'""", Long.class, runId),
                        MachineLoad.now()));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var usage = ResourceSampler.between(cpuBefore, cpu.snapshot());
        String loadAfter = MachineLoad.now();
        Map<String, Object> completed = jdbc.queryForMap("""
                select (payload::jsonb ->> 'matched')::int as matched, (payload::jsonb ->> 'acted')::int as acted,
                       (payload::jsonb ->> 'failed')::int as failed, (payload::jsonb ->> 'batches')::int as batches
                from domain_event_entry where aggregate_identifier = ? and payload_type like '%CollectionRunCompleted'""",
                runId);
        double selecting = stepSeconds(jdbc, runId, "CollectionRunStarted", "CollectionRunCandidatesSelected");
        double acting = stepSeconds(jdbc, runId, "CollectionRunCandidatesSelected", "CollectionRunCompleted");
        long deactivations = jdbc.queryForObject("select count(*) from domain_event_entry"
                + " where payload_type like '%.SubscriptionDeactivated'", Long.class);
        int matched = ((Number) completed.get("matched")).intValue();
        int acted = ((Number) completed.get("acted")).intValue();
        boolean ok = matched == m && acted == m && deactivations == m
                && ((Number) completed.get("failed")).intValue() == 0;
        log(String.format("run completed: matched %,d, acted %,d, failed %s, %s batches in %.1f s (selection %.1f s,"
                        + " acting %.1f s = %,.0f subscriptions/s); %,d SubscriptionDeactivated events -> %s", matched,
                acted, completed.get("failed"), completed.get("batches"), seconds, selecting, acting,
                acted / Math.max(acting, 0.001), deactivations, ok ? "CORRECT" : "WRONG"));
        log("CPU during the run: " + usage.describe(Runtime.getRuntime().availableProcessors()));
        System.out.printf("%nRESULT accounts=%d matched=%d acted=%d duration=%.1fs selection=%.1fs acting=%.1fs"
                        + " load=%s/%s goal=<60s %s correct=%s%n", n, matched, acted, seconds, selecting, acting,
                loadBefore, loadAfter, seconds < 60 ? "MET" : "NOT MET", ok);
        return ok;
    }

    private static void seedByCommands(CommandGateway commands, int n, IntFunction<BigDecimal> owes, int senders)
            throws Exception {
        long seedStart = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> work = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            work.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    seed(commands, i, owes.apply(i));
                    int seeded = done.incrementAndGet();
                    if (seeded % 10_000 == 0) {
                        log(String.format("  … %,d accounts seeded, %.0f/s (%s)", seeded,
                                seeded / ((System.nanoTime() - seedStart) / 1e9), MachineLoad.now()));
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
    }

    /** Owes 25.00 (one in {@code every}, up to {@code m} of them), 9.00 (the next one), or nothing. */
    private static BigDecimal owes(int i, int every, int m) {
        if (i % every == 0 && i / every < m) {
            return new BigDecimal("25.00");
        }
        if (i % every == 1 && i / every < m) {
            return new BigDecimal("9.00");
        }
        return null;
    }

    static String accountId(int i) {
        return "DEACT-" + String.format("%07d", i);
    }

    /** Derived from the account's number: the copies name theirs anew, the templates' are found again. */
    static String subscriptionId(int i) {
        return UUID.nameUUIDFromBytes(("deactivation-run-" + i).getBytes()).toString();
    }

    static void seed(CommandGateway commands, int i, BigDecimal owes) {
        String accountId = accountId(i);
        commands.sendAndWait(new OpenAccount(accountId, CustomerType.PERSON,
                new PersonDetails("Andreas", "Constantinou", "ID-" + i), null,
                new ContactDetails("andreas@example.com", "+357 22 000000", "1 Ledra St, Nicosia"), EUR,
                new BigDecimal("500"), "AAA", "RESIDENTIAL", "benchmark"));
        commands.sendAndWait(new BecomeSubscriber(subscriptionId(i), accountId, "GOLD",
                new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.MONTHLY, null, null, null, null, null),
                null, null, SubscriptionState.EFFECTIVE, List.of(new Distributor("STB-" + i, "NAGRA")),
                List.of(new SubscriptionService("PLATINUM", List.of(), null, null, null, Set.of("STB-" + i))),
                List.of(), CREATED_ON, null));
        if (owes != null) {
            commands.sendAndWait(new PostCharge(accountId, "arrears-" + i, owes, EUR, "Arrears", null));
        }
    }

    private static boolean completed(JdbcTemplate jdbc, String runId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from domain_event_entry where aggregate_identifier = ?
                               and payload_type like '%CollectionRunCompleted')""", Boolean.class, runId));
    }

    private static double stepSeconds(JdbcTemplate jdbc, String runId, String from, String to) {
        Double seconds = jdbc.queryForObject("""
                select extract(epoch from (max(time_stamp) filter (where payload_type like '%' || ?)::timestamptz
                                           - min(time_stamp) filter (where payload_type like '%' || ?)::timestamptz))
                from domain_event_entry where aggregate_identifier = ?""", Double.class, to, from, runId);
        return seconds == null ? Double.NaN : seconds;
    }
}
