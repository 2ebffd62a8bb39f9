package org.subledger.benchmarks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.platform.db.EmbeddedPostgresServer;
import org.subledger.platform.db.PostgresCluster;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.OpenAccount;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.billing.StartBillRun;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.AppliedServiceType;
import org.subledger.kernel.catalog.Approval;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.CreateAdditiveDiscount;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.catalog.DiscountCriteria;
import org.subledger.kernel.catalog.DiscountDuration;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.DiscountedProducts;
import org.subledger.kernel.catalog.DurationStart;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.subscription.BecomeSubscriber;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.usage.UsageRecord;

import jdk.jfr.Recording;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.subledger.benchmarks.LedgerBenchmark.log;

/**
 * A full monthly bill run on a fresh embedded PostgreSQL (durable: fsync and synchronous_commit on): loads the sample
 * catalog through the command gateway, creates N effective GOLD subscriptions (one account each), waits for the
 * projections, then starts a bill run for 2026-02-01 and times it until {@code bill_run_execution} says COMPLETED.
 * Prints the run time, subscriptions billed per second, events appended, peak heap during the run, and checks the
 * result (N bills, N BillIssued events, every subscription next due 2026-03-01, bill numbers gapless).
 *
 * <p>Seeding: the first account and subscription go through the command gateway (OpenAccount, BecomeSubscriber), so
 * the aggregates record them; the other N-1 are copies of those two events with new ids and correlation ids,
 * appended through Axon's {@link EventStorageEngine} in batches (serialised and stored exactly as the command side
 * stores them), with the {@code billing_index} row the subscribing processor wrote for the first one (it does not
 * see events appended directly). The saga processors (provisioning, event charges) are shut down through the
 * {@code EventProcessingConfiguration} before seeding: they would send 100k+ commands reacting to the synthetic
 * subscriptions. The projections stay on, as in production, and the run starts once they have caught up.
 *
 * <p>With {@code --bench.discount=true} the catalog gains one auto-apply discount that every subscription meets (10 %
 * of PLATINUM at level 1, for subscriptions of type GOLD): each bill then has two discount lines and records two
 * applications inside its {@code SubscriptionBilled} (its bill covers two billing periods; no event of their own),
 * which the check counts. The goal: within 15 % of the run without.
 *
 * <p>With {@code --bench.accounts=M} (M &lt; N) the N subscriptions are spread over M accounts, and the run issues one
 * bill per account (M bills with N sections).
 *
 * <p>With {@code --bench.warmup=W} (W &gt; 0) a warm-up comes first: W more subscriptions, of type PLATINUM (same
 * services, the discount's criteria name both types), on accounts of their own, billed by a bill run of that type
 * only, until every projection has caught up. The measured run then bills the N GOLD subscriptions in a JVM that has
 * compiled the bill run's code, as a ledger that has been running does: in a fresh JVM the JIT compiler threads take
 * a quarter of the JVM's CPU during a 100,000-subscription run, and more of it with the discount's code to compile.
 * The checks then count the measured run's bills only (numbered from W + 1).
 *
 * <p>With {@code --bench.month=2} the measured run is the subscriptions' second monthly run, as most runs of a
 * ledger in service are: a run of 2026-01-01 (not measured) first bills January, one period per bill (and, with the
 * discount, its first application, which makes the subscription's discount-state row), then the measured run of
 * 2026-02-01 bills February, one period and one application per bill. It runs in a JVM that has compiled the bill
 * run's code. By default (month 1) the measured run is each subscription's first bill, which catches up two periods.
 *
 * <p>With {@code --bench.usage=K} (1 to 16) every subscription has PPV-MOVIES too and K unbilled usage records
 * (Braveheart, 3.00 or 2.00 by the time of day) recorded before the run as {@code POST /api/usage/batches} records them
 * (mediation batches of 1,000 records, one batch event per partition, a row per record in {@code usage_record_id}):
 * each bill reads its subscription's rows, bills them, and clears them. The check adds: every record listed by a
 * bill, none left unbilled. Issue 17: a bill run over subscriptions with usage stays within the bill-run figures; the
 * run to compare it with is {@code --bench.pay-per-view=true} (the same services, PPV-MOVIES's monthly fee on every
 * bill, no usage).
 *
 * <p>With {@code --bench.jfr=FILE} a flight recording (JFR's "profile" settings) covers the measured run until every
 * projection has caught up with it, and is written to FILE ({@code jfr print --events jdk.ExecutionSample FILE}).
 *
 * <p>With {@code --bench.data-dir=DIR} (a directory that does not exist yet) the PostgreSQL data stays there afterwards,
 * stopped, to read the events and read models the run wrote.
 *
 * <p>Run by {@code benchmarks/bill-run.sh}: {@code --bench.subscriptions=N}, {@code --bench.timeout=PT30M}; any other
 * {@code --key=value} goes to the ledger (e.g. {@code --ledger.billing.segment-size=1000}).
 */
final class BillRunBenchmark {

    static final LocalDate CREATED_ON = LocalDate.of(2026, 1, 1);
    static final LocalDate BILLING_DATE = LocalDate.of(2026, 2, 1);
    /** With {@code --bench.month=2}: the unmeasured run before the measured one (January, one period per bill). */
    static final LocalDate FIRST_MONTH = LocalDate.of(2026, 1, 1);
    static final LocalDate NEXT_BILLING_DATE = LocalDate.of(2026, 3, 1);
    private static final List<String> SAGA_PROCESSORS = List.of("provisioning", "event-charges");
    private static final int BATCH = 1_000;
    /** {@code --bench.usage}: at most 16 records of 3.00 a subscription (RESIDENTIAL bills usage early at 50.00). */
    private static final int MAX_USAGE = 16;
    private static final int USAGE_SENDERS = 4;
    private static final String OPEN_ITEMS = "receivable-open-items";
    /** One auto-apply discount every benchmark subscription meets (type GOLD or the warm-up's, PLATINUM on it). */
    static final AdditiveDiscountDefinition BENCH_DISCOUNT = new AdditiveDiscountDefinition("BENCH-TEN-PERCENT",
            "Ten percent of Platinum", DiscountType.AUTO_APPLY, DiscountClassification.SUBSCRIPTIONS,
            AppliedServiceType.NON_USAGE, DefinitionState.EFFECTIVE,
            DiscountValue.percentage(BigDecimal.TEN, 1), new DiscountedProducts(List.of("PLATINUM"), null, null),
            Validity.ALWAYS, DiscountDuration.indefinitely(DurationStart.AGREEMENT_DATE), null, Approval.NONE,
            List.of(), new DiscountCriteria(null, List.of("GOLD", "PLATINUM"), null, null, null, null));
    /** The warm-up's subscription type: GOLD's products and schemes. */
    static final String WARM_UP_TYPE = "PLATINUM";

    private BillRunBenchmark() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("logging.level.org.subledger.command.billing", "INFO");
        Map<String, String> settings = InProcessLedger.settings(args, properties);
        int subscriptions = Integer.parseInt(settings.getOrDefault("subscriptions", "10000").replace("_", ""));
        Duration timeout = Duration.parse(settings.getOrDefault("timeout", "PT30M"));
        boolean discount = Boolean.parseBoolean(settings.getOrDefault("discount", "false"));
        int accounts = Integer.parseInt(settings.getOrDefault("accounts", String.valueOf(subscriptions))
                .replace("_", ""));
        int warmup = Integer.parseInt(settings.getOrDefault("warmup", "0").replace("_", ""));
        boolean secondMonth = "2".equals(settings.getOrDefault("month", "1"));
        int usage = Integer.parseInt(settings.getOrDefault("usage", "0").replace("_", ""));
        if (usage < 0 || usage > MAX_USAGE || usage > 0 && (secondMonth || warmup > 0 || accounts < subscriptions)) {
            throw new IllegalArgumentException("--bench.usage is 0 to " + MAX_USAGE + " records a subscription, in"
                    + " a first month's run without a warm-up, one account each");
        }
        boolean payPerView = usage > 0 || Boolean.parseBoolean(settings.getOrDefault("pay-per-view", "false"));
        Path keptDir = settings.containsKey("data-dir") ? Path.of(settings.get("data-dir")) : null;
        Path flightRecording = settings.containsKey("jfr") ? Path.of(settings.get("jfr")) : null;
        InProcessLedger.runAndExit("bill-run", properties, keptDir, (context, postgresDir, heap) ->
                run(context, postgresDir, heap, subscriptions, Math.min(accounts, subscriptions), timeout, discount,
                        warmup, secondMonth, payPerView, usage, flightRecording) ? 0 : 2);
    }

    private static boolean run(ConfigurableApplicationContext context, Path postgresDir, HeapSampler heap, int n,
                               int m, Duration timeout, boolean discount, int warmup, boolean secondMonth,
                               boolean payPerView, int usageRecords, Path flightRecording) throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        var jdbc = new JdbcTemplate(dataSource);
        var axon = context.getBean(Configuration.class);
        var commands = context.getBean(CommandGateway.class);
        var storageEngine = context.getBean(EventStorageEngine.class);
        var store = new EventTopUp(storageEngine, jdbc);
        PostgresCluster cluster = context.getBean(EmbeddedPostgresServer.class).cluster();
        var cpu = new ResourceSampler(cluster, jdbc);
        var projections = new ProjectionReplay(axon, context.getBean(TokenStore.class),
                context.getBean(TransactionManager.class), cpu);

        System.out.println();
        MachineInfo.describe(dataSource, context.getEnvironment(), postgresDir)
                .forEach((key, value) -> System.out.printf("%-26s %s%n", key + ":", value));
        System.out.printf("%-26s %s%n", "max heap (-Xmx):", mb(Runtime.getRuntime().maxMemory()));
        System.out.printf("%-26s %s%n", "billing settings:", "segment-size "
                + context.getEnvironment().getProperty("ledger.billing.segment-size", "(default)") + ", partitions "
                + context.getEnvironment().getProperty("ledger.billing.partitions", "(default)"));
        System.out.println();

        for (String saga : SAGA_PROCESSORS) {
            EventProcessor processor = axon.eventProcessingConfiguration().eventProcessor(saga)
                    .orElseThrow(() -> new IllegalStateException("no saga processor " + saga));
            processor.shutDown();
        }
        log("saga processors shut down: " + SAGA_PROCESSORS + "; projections running: " + projections.names());

        // the sample catalog, through its own commands (the bean is package-private in the command side)
        Object sampleCatalog = context.getBean("sampleCatalog");
        var load = sampleCatalog.getClass().getDeclaredMethod("load");
        load.setAccessible(true);
        log("sample catalog loaded: " + load.invoke(sampleCatalog) + " commands");
        if (discount) {
            commands.sendAndWait(new CreateAdditiveDiscount(BENCH_DISCOUNT));
            log("auto-apply discount for every subscription: " + BENCH_DISCOUNT);
        }

        long self = ProcessHandle.current().pid();
        if (warmup > 0) {
            seedSubscriptions(commands, storageEngine, jdbc, warmup, warmup, WARM_UP_TYPE, "WARM-");
            projections.awaitCaughtUp(projections.names(), store.head(), timeout);
            unmeasuredRun("warm-up", BILLING_DATE, WARM_UP_TYPE, warmup, commands, jdbc, store, projections,
                    timeout);
        }

        List<String> seeded = seedSubscriptions(commands, storageEngine, jdbc, n, m, "GOLD", "BILL-", payPerView);
        if (usageRecords > 0) {
            recordUsage(context, jdbc, seeded, usageRecords);
        }
        long head = store.head();
        long catchUpStart = System.nanoTime();
        projections.awaitCaughtUp(projections.names(), head, timeout);
        log(String.format("projections caught up with the seeding (global index %,d) in %.1f s | load %s", head,
                (System.nanoTime() - catchUpStart) / 1e9, MachineLoad.now()));
        if (secondMonth) {
            unmeasuredRun("first month", FIRST_MONTH, "GOLD", n, commands, jdbc, store, projections, timeout);
            head = store.head();
        }
        // bills issued before the measured run: the warm-up's, the first month's (one per account)
        int billsBefore = warmup + (secondMonth ? m : 0);

        // ---- the bill run -------------------------------------------------------------------------------------
        String runId = UUID.randomUUID().toString();
        checkpoint(cluster);
        String loadBefore = MachineLoad.now();
        System.gc();
        heap.reset();
        var threadCpu = new ThreadCpu();
        var threadsBefore = threadCpu.snapshot();
        var cpuBefore = cpu.snapshot();
        long jitBefore = ResourceSampler.compilerTicks(self);
        long[] gcBefore = collections();
        var openItemFailures = ProcessorFailures.of(OPEN_ITEMS);
        Recording recording = flightRecording == null ? null : startRecording();
        long start = System.nanoTime();
        // after a warm-up or a first month, the run bills the GOLD subscriptions only (the others are not due anyway)
        commands.sendAndWait(new StartBillRun(runId, BILLING_DATE, null, warmup > 0 || secondMonth ? "GOLD" : null));
        awaitCompleted(jdbc, runId, start + timeout.toNanos());
        double seconds = (System.nanoTime() - start) / 1e9;
        var usage = ResourceSampler.between(cpuBefore, cpu.snapshot());
        long jitTicks = ResourceSampler.compilerTicks(self) - jitBefore;
        long[] gcAfter = collections();
        long peakHeap = heap.peakBytes();
        long peakLive = heap.peakAfterGcBytes();
        String loadAfter = MachineLoad.now();
        long appended = jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ?",
                Long.class, head);
        log(String.format("bill run completed: %,d subscriptions in %.1f s = %,.0f subscriptions/s; %,d events"
                        + " appended; peak heap during the run %s in use, %s after a collection (of -Xmx %s); load before %s,"
                        + " after %s", n, seconds, n / seconds, appended, mb(peakHeap), mb(peakLive),
                mb(Runtime.getRuntime().maxMemory()), loadBefore, loadAfter));
        log("CPU during the run: " + usage.describe(Runtime.getRuntime().availableProcessors())
                + String.format(" | of the ledger JVM's, its JIT compiler threads: %.2f cores (a fresh JVM compiling"
                + " the run's code, counted in both runs of a pair) | ",
                jitBefore < 0 ? Double.NaN : jitTicks / 100.0 / seconds)
                + usage.database().wal().per(n, "subscription")
                + String.format(" | garbage collections: %,d, %.1f s in them (pauses)",
                gcAfter[0] - gcBefore[0], (gcAfter[1] - gcBefore[1]) / 1000.0));
        billReadModel(jdbc, billsBefore + m, start);
        openItems(jdbc, billsBefore + m, start, timeout, openItemFailures);
        // the whole cost of the run: until every projection has read what it appended (their lag, and so what the
        // run's window alone counts of their work, depends on the load), in CPU seconds, which depend on it less
        long runHead = store.head();
        projections.awaitCaughtUp(projections.names(), runHead, timeout);
        double untilCaughtUp = (System.nanoTime() - start) / 1e9;
        if (recording != null) {
            recording.dump(flightRecording);
            recording.close();
            log("flight recording of the run until every projection caught up: " + flightRecording.toAbsolutePath());
        }
        var whole = ResourceSampler.between(cpuBefore, cpu.snapshot());
        log("by thread until caught up: " + ThreadCpu.describe(ThreadCpu.between(threadsBefore, threadCpu.snapshot()),
                n, "subscription", 0.2));
        double jvmCpu = whole.jvmCores() * whole.seconds();
        double postgresCpu = whole.postgresCores() * whole.seconds();
        log(String.format("every projection caught up with the run (global index %,d) %.1f s after it started: ledger"
                        + " JVM CPU %.1f s = %.2f ms per subscription, PostgreSQL CPU %.1f s = %.2f ms per"
                        + " subscription, together %.2f ms per subscription | %s | %s", runHead, untilCaughtUp, jvmCpu,
                jvmCpu * 1000 / n, postgresCpu, postgresCpu * 1000 / n, (jvmCpu + postgresCpu) * 1000 / n,
                whole.describe(Runtime.getRuntime().availableProcessors()),
                whole.database().wal().per(n, "subscription")));

        // ---- correctness ----------------------------------------------------------------------------------------
        long billed = jdbc.queryForObject("select coalesce(sum(billed), 0) from bill_run_partition where run_id = ?",
                Long.class, runId);
        long issued = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like"
                + " '%.BillIssued' and payload::jsonb ->> 'runId' = ?", Long.class, runId);
        long notNext = jdbc.queryForObject("select count(*) from billing_index where next_billing_date is distinct"
                + " from ?", Long.class, Date.valueOf(NEXT_BILLING_DATE));
        long indexed = jdbc.queryForObject("select count(*) from billing_index", Long.class);
        Map<String, Object> numbers = jdbc.queryForMap("""
                select count(*) as bills, count(distinct n) as distinct_numbers, min(n) as first, max(n) as last
                from (select (payload::jsonb ->> 'billNumber') as n from domain_event_entry
                      where payload_type like '%.BillIssued' and payload::jsonb ->> 'runId' = ?) b""", runId);
        Long series = jdbc.queryForObject("select last_number from bill_number_series where series_year = 2026",
                Long.class);
        // the applications recorded inside the bills' SubscriptionBilled (revision 2), and any stand-alone
        // DiscountApplied (how a bill of revision 1 recorded them: there must be none)
        long discounts = jdbc.queryForObject("select coalesce(sum(jsonb_array_length(payload::jsonb -> 'discounts')),"
                + " 0) from domain_event_entry where payload_type like '%.SubscriptionBilled'"
                + " and payload::jsonb ->> 'runId' = ?", Long.class, runId);
        long discountEvents = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like"
                + " '%.DiscountApplied'", Long.class);
        // every batch record billed: its claim keeps its batch event, its values are gone, and its bill lists it
        long unbilled = jdbc.queryForObject("select count(*) from usage_record_id where amount is not null",
                Long.class);
        long billedRecords = jdbc.queryForObject("select coalesce(sum(jsonb_array_length(payload::jsonb ->"
                + " 'usageRecordIds')), 0) from domain_event_entry where payload_type like '%.SubscriptionBilled'"
                + " and payload::jsonb ->> 'runId' = ?", Long.class, runId);
        // one bill per account, numbered after the warm-up's and the first month's
        String expectedFirst = String.format("2026-%06d", billsBefore + 1);
        String expectedLast = String.format("2026-%06d", billsBefore + m);
        boolean ok = billed == n && issued == m && notNext == 0 && indexed == n + warmup
                && ((Number) numbers.get("distinct_numbers")).longValue() == m
                && expectedFirst.equals(numbers.get("first")) && expectedLast.equals(numbers.get("last"))
                // the first bill of a subscription created 2026-01-01, billed in advance on 2026-02-01, covers two
                // billing periods (January and February): two applications each; in its second month, February only
                && series != null && series == billsBefore + m
                && discounts == (discount ? (secondMonth ? 1L : 2L) * n : 0) && discountEvents == 0
                && unbilled == 0 && billedRecords == (long) usageRecords * n;
        log(String.format("check: run billed %,d; BillIssued events %,d; billing_index rows %,d, not next due %s: %,d;"
                        + " bill numbers %s..%s, %,d distinct, series at %s; discount applications in SubscriptionBilled"
                        + " %,d, DiscountApplied events %,d; usage records billed %,d, unbilled %,d -> %s", billed,
                issued, indexed,
                NEXT_BILLING_DATE, notNext, numbers.get("first"), numbers.get("last"),
                ((Number) numbers.get("distinct_numbers")).longValue(), series, discounts, discountEvents,
                billedRecords, unbilled, ok ? "CORRECT" : "WRONG"));
        System.out.printf("%nRESULT N=%d accounts=%d discount=%s warmup=%d month=%d ppv=%s usage=%d run=%.1fs"
                        + " subs/s=%.0f events=%d caughtUp=%.1fs jvmCpuMsPerSub=%.2f pgCpuMsPerSub=%.2f"
                        + " walKBPerSub=%.1f peakHeap=%s afterGc=%s load=%s/%s correct=%s%n", n, m, discount, warmup,
                secondMonth ? 2 : 1, payPerView, usageRecords, seconds,
                n / seconds, appended, untilCaughtUp,
                jvmCpu * 1000 / n, postgresCpu * 1000 / n, whole.database().wal().bytes() / 1000.0 / n,
                mb(peakHeap), mb(peakLive), loadBefore, loadAfter, ok);
        return ok;
    }

    /**
     * N effective GOLD subscriptions, one account each, created 2026-01-01 and due 2026-01-01: the first through the
     * command gateway, the others copies of its two events appended through Axon's storage engine, with their
     * {@code billing_index} rows (see the class comment). The sample catalog must be loaded.
     */
    static void seedSubscriptions(CommandGateway commands, EventStorageEngine storageEngine, JdbcTemplate jdbc, int n) {
        seedSubscriptions(commands, storageEngine, jdbc, n, n);
    }

    /** As above, the N subscriptions spread over M accounts (subscription i on account i mod M). */
    static void seedSubscriptions(CommandGateway commands, EventStorageEngine storageEngine, JdbcTemplate jdbc, int n,
                                  int m) {
        seedSubscriptions(commands, storageEngine, jdbc, n, m, "GOLD", "BILL-");
    }

    /** As above, of another subscription type, on accounts whose ids start with {@code accountPrefix}. */
    static List<String> seedSubscriptions(CommandGateway commands, EventStorageEngine storageEngine,
                                          JdbcTemplate jdbc, int n, int m, String subscriptionType,
                                          String accountPrefix) {
        return seedSubscriptions(commands, storageEngine, jdbc, n, m, subscriptionType, accountPrefix, false);
    }

    /**
     * As above; with {@code payPerView}, the subscriptions have PPV-MOVIES too (usage can be recorded on them).
     * Answers the subscriptions' ids, the first first.
     */
    static List<String> seedSubscriptions(CommandGateway commands, EventStorageEngine storageEngine,
                                          JdbcTemplate jdbc, int n, int m, String subscriptionType,
                                          String accountPrefix, boolean payPerView) {
        // the first account and subscription, recorded by the aggregates themselves
        String firstAccount = accountPrefix + String.format("%07d", 0);
        String firstSubscription = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenAccount(firstAccount, CustomerType.PERSON,
                new PersonDetails("Maria", "Georgiou", accountPrefix + "ID-0"),
                null, new ContactDetails("maria@example.com", "+357 22 000000", "12 Makarios Ave, Nicosia"),
                Currency.getInstance("EUR"), new BigDecimal("500"), "AAA", "RESIDENTIAL", "benchmark"));
        commands.sendAndWait(new BecomeSubscriber(firstSubscription, firstAccount, subscriptionType,
                new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.MONTHLY, null, null, null, null, null),
                null, null, SubscriptionState.EFFECTIVE, List.of(new Distributor("STB-1", "NAGRA")),
                payPerView ? List.of(service("PLATINUM"), service("EUROSPORT-1"), service("PPV-MOVIES"))
                        : List.of(service("PLATINUM"), service("EUROSPORT-1")), List.of(), CREATED_ON, null));
        var accountTemplate = first(storageEngine, firstAccount);
        var subscriptionTemplate = first(storageEngine, firstSubscription);
        var opened = (AccountOpened) accountTemplate.getPayload();
        var created = (SubscriptionCreated) subscriptionTemplate.getPayload();
        Map<String, Object> indexRow = jdbc.queryForMap("select subscription_type_code, billing_frequency,"
                + " next_billing_date from billing_index where subscription_id = ?", firstSubscription);
        log("template: " + created);
        log("template billing_index row: " + indexRow);

        long seedStart = System.nanoTime();
        List<String> ids = new ArrayList<>(n);
        ids.add(firstSubscription);
        List<DomainEventMessage<?>> batch = new ArrayList<>(2 * BATCH);
        List<Object[]> rows = new ArrayList<>(BATCH);
        // with M < N, accounts have N / M subscriptions each, one bill each (the sample catalog's schemes bill per
        // account)
        for (int i = 1; i < n; i++) {
            String accountId = accountPrefix + String.format("%07d", i % m);
            String subscriptionId = UUID.randomUUID().toString();
            ids.add(subscriptionId);
            if (i < m) {
                batch.add(copy(accountTemplate, accountId, new AccountOpened(accountId, opened.type(),
                        new PersonDetails(opened.person().firstName(), opened.person().lastName(),
                                accountPrefix + "ID-" + i),
                        opened.company(), opened.contact(), opened.currency(), opened.creditLimit(),
                        opened.creditRating(), opened.classification(), opened.openedBy())));
            }
            batch.add(copy(subscriptionTemplate, subscriptionId, new SubscriptionCreated(subscriptionId, accountId,
                    created.subscriptionTypeCode(), created.state(), created.billingTerms(), created.location(),
                    created.billingAddress(), created.distributors(), created.services(), created.installedItems(),
                    created.createdOn(), created.action())));
            rows.add(new Object[]{subscriptionId, accountId, indexRow.get("subscription_type_code"),
                    indexRow.get("billing_frequency"), indexRow.get("next_billing_date"),
                    new Timestamp(System.currentTimeMillis())});
            if (rows.size() == BATCH || i == n - 1) {
                storageEngine.appendEvents(batch);
                jdbc.batchUpdate("insert into billing_index (subscription_id, account_id, subscription_type_code,"
                        + " billing_frequency, next_billing_date, updated_at) values (?, ?, ?, ?, ?, ?)", rows);
                batch.clear();
                rows.clear();
            }
        }
        log(String.format("seeded %,d subscriptions on %,d accounts (%,d events) in %.1f s", n, m, (long) n + m,
                (System.nanoTime() - seedStart) / 1e9));
        return ids;
    }

    /**
     * {@code perSubscription} unbilled usage records on every subscription, before the run: Braveheart on
     * 2026-01-20 (at 21:30 and 02:15 in turn, both time-of-day rates), sent as {@code POST /api/usage/batches} sends
     * them (the command side's {@code MediationBatches}: one batch event per partition of each batch of
     * {@value #BATCH} records, and a row per record in {@code usage_record_id} that the bill reads and clears), by
     * {@value #USAGE_SENDERS} senders at once. Checks that every record was accepted.
     */
    private static void recordUsage(ConfigurableApplicationContext context, JdbcTemplate jdbc, List<String> ids,
                                    int perSubscription) throws Exception {
        Class<?> type = Class.forName("org.subledger.command.subscription.MediationBatches");
        Object batches = context.getBean(type);
        var record = type.getDeclaredMethod("record", Map.class);
        record.setAccessible(true);
        int subscriptionsPerBatch = Math.max(1, BATCH / perSubscription);
        var next = new java.util.concurrent.atomic.AtomicInteger();
        long start = System.nanoTime();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(USAGE_SENDERS);
        try {
            List<java.util.concurrent.Future<?>> senders = new ArrayList<>();
            for (int sender = 0; sender < USAGE_SENDERS; sender++) {
                senders.add(pool.submit(() -> {
                    for (int first = next.getAndAdd(subscriptionsPerBatch); first < ids.size();
                         first = next.getAndAdd(subscriptionsPerBatch)) {
                        Map<String, List<UsageRecord>> bySubscription = new LinkedHashMap<>();
                        for (int i = first; i < Math.min(ids.size(), first + subscriptionsPerBatch); i++) {
                            List<UsageRecord> records = new ArrayList<>(perSubscription);
                            for (int k = 0; k < perSubscription; k++) {
                                records.add(new UsageRecord("BENCH-" + i + "-" + k, "BRAVEHEART",
                                        LocalDateTime.of(2026, 1, 20, k % 2 == 0 ? 21 : 2, k % 2 == 0 ? 30 : 15)));
                            }
                            bySubscription.put(ids.get(i), records);
                        }
                        record.invoke(batches, bySubscription);
                    }
                    return null;
                }));
            }
            for (var sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long recorded = jdbc.queryForObject("select count(*) from usage_record_id where amount is not null",
                Long.class);
        long expected = (long) perSubscription * ids.size();
        log(String.format("usage: %,d records (%d a subscription) recorded in %.1f s as mediation batches of %,d",
                recorded, perSubscription, (System.nanoTime() - start) / 1e9, subscriptionsPerBatch * perSubscription));
        if (recorded != expected) {
            throw new IllegalStateException("usage records unbilled: " + recorded + ", expected " + expected);
        }
    }

    /**
     * The open items of the run's bills ({@value #OPEN_ITEMS}): when the projection shows every bill as an item, and
     * how many of the group's batches failed (and were retried) from the run's start until then, deadlocks among
     * them. The issue and the posting of a bill are written by one segment since the group is sequenced per account.
     */
    /** JFR's "profile" settings (method samples every 10 ms per thread, allocations, locks), for the run only. */
    private static Recording startRecording() throws java.io.IOException, java.text.ParseException {
        Recording recording = new Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.setName("bill-run");
        recording.start();
        return recording;
    }

    private static void openItems(JdbcTemplate jdbc, int bills, long start, Duration timeout,
                                  ProcessorFailures failures) throws InterruptedException {
        long deadline = start + timeout.toNanos();
        try {
            while (jdbc.queryForObject("select count(*) from receivable_open_item where entry_type = 'BILL'",
                    Long.class) < bills) {
                if (System.nanoTime() > deadline) {
                    log("open items: the run's bills not all shown within " + timeout);
                    return;
                }
                Thread.sleep(50);
            }
            log(String.format("open items show %,d bills %.1f s after the run started; failed batches of %s: %d"
                            + " (deadlocks: %d), each retried by the processor", bills,
                    (System.nanoTime() - start) / 1e9, OPEN_ITEMS, failures.failedBatches(), failures.deadlocks()));
            System.out.printf("OPEN-ITEMS bills=%d failedBatches=%d deadlocks=%d%n", bills, failures.failedBatches(),
                    failures.deadlocks());
        } finally {
            failures.detach();
        }
    }

    /** The read model of bills is another branch's: measured when its table exists. */
    private static void billReadModel(JdbcTemplate jdbc, int bills, long start) throws InterruptedException {
        Boolean exists = jdbc.queryForObject("select to_regclass('public.bill') is not null", Boolean.class);
        if (!Boolean.TRUE.equals(exists)) {
            log("no table bill in this checkout: the bill read model's catch-up is not measured");
            return;
        }
        while (jdbc.queryForObject("select count(*) from bill", Long.class) < bills) {
            Thread.sleep(50);
        }
        log(String.format("bill read model shows %,d bills %.1f s after the run started", bills,
                (System.nanoTime() - start) / 1e9));
    }

    /**
     * A checkpoint just before the measured run: the run then writes the full-page images of every page it changes
     * first (as a run in service does, a checkpoint being due every 5 minutes), whether or not PostgreSQL's timed
     * checkpoint would have fallen inside it, which depended on how long the seeding took (one in the run: a
     * quarter of its WAL).
     */
    private static void checkpoint(PostgresCluster cluster) throws SQLException {
        long start = System.nanoTime();
        asSuperuser(cluster, "checkpoint");
        log(String.format("checkpoint before the run: %.1f s", (System.nanoTime() - start) / 1e9));
    }

    /** {collections, milliseconds in them} of every collector of this JVM so far (G1 on Java 17: its pauses). */
    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (var collector : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[]{count, millis};
    }

    /** A statement the ledger's own role may not run (it is no superuser). */
    private static void asSuperuser(PostgresCluster cluster, String sql) throws SQLException {
        try (Connection connection = cluster.connect(cluster.superuser());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A bill run before the measured one, timed and awaited until every projection has caught up with it. */
    private static void unmeasuredRun(String label, LocalDate billingDate, String subscriptionType, int subscriptions,
                                      CommandGateway commands, JdbcTemplate jdbc, EventTopUp store,
                                      ProjectionReplay projections, Duration timeout) throws Exception {
        long self = ProcessHandle.current().pid();
        String runId = UUID.randomUUID().toString();
        long jitStart = ResourceSampler.compilerTicks(self);
        long start = System.nanoTime();
        commands.sendAndWait(new StartBillRun(runId, billingDate, null, subscriptionType));
        awaitCompleted(jdbc, runId, start + timeout.toNanos());
        double seconds = (System.nanoTime() - start) / 1e9;
        projections.awaitCaughtUp(projections.names(), store.head(), timeout);
        log(String.format("%s (not measured): bill run of %s for %,d %s subscriptions in %.1f s (JIT compiler threads"
                        + " %.2f cores), projections caught up %.1f s after its start", label, billingDate,
                subscriptions, subscriptionType, seconds,
                (ResourceSampler.compilerTicks(self) - jitStart) / 100.0 / seconds, (System.nanoTime() - start) / 1e9));
    }

    /** Until {@code bill_run_execution} says the run COMPLETED, with how many it billed so far every 10 s. */
    private static void awaitCompleted(JdbcTemplate jdbc, String runId, long deadline) throws InterruptedException {
        long lastReport = System.nanoTime();
        while (!"COMPLETED".equals(jdbc.query("select status from bill_run_execution where run_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, runId))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("bill run " + runId + " not completed in time");
            }
            Thread.sleep(20);
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                log(String.format("  … %,d subscriptions billed so far (%s)", jdbc.queryForObject(
                        "select coalesce(sum(billed), 0) from bill_run_partition where run_id = ?", Long.class,
                        runId), MachineLoad.now()));
            }
        }
    }

    private static SubscriptionService service(String productCode) {
        return new SubscriptionService(productCode, List.of(), null, null, null, Set.of("STB-1"));
    }

    private static DomainEventMessage<?> first(EventStorageEngine storageEngine, String aggregateId) {
        return storageEngine.readEvents(aggregateId).asStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no events of " + aggregateId));
    }

    /** The template's event for another aggregate: same type and metadata, a correlation of its own. */
    private static DomainEventMessage<?> copy(DomainEventMessage<?> template, String aggregateId, Object payload) {
        String correlation = UUID.randomUUID().toString();
        MetaData metaData = template.getMetaData().and(LedgerMetadata.CORRELATION_ID, correlation)
                .and(LedgerMetadata.CAUSATION_ID, correlation);
        return new GenericDomainEventMessage<>(template.getType(), aggregateId, 0, payload, metaData);
    }

    private static String mb(long bytes) {
        return String.format("%,d MB", bytes / (1024 * 1024));
    }
}
