package org.subledger.benchmarks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.kernel.billing.StartBillRun;
import org.subledger.platform.db.EmbeddedPostgresServer;
import org.subledger.platform.projectioncheck.ProjectionCheckReport;
import org.subledger.platform.projectioncheck.ProjectionChecker;

import javax.sql.DataSource;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.subledger.benchmarks.LedgerBenchmark.log;

/**
 * How long the projection check takes over the demo plus N bills (issue 15): runs the demo (sample catalog, its
 * customers, its bill run), waits for its bill run, shuts the saga processors down and seeds N subscriptions as
 * {@link BillRunBenchmark} does, runs a bill run over them (N bills), waits for every projection to catch up, then
 * runs the projection check of every projection at once (the total, one replay of the store for all of them) and,
 * unless {@code --bench.each=false}, of each projection alone (its own replay and comparison). Every check must
 * answer EQUAL. Run by {@code benchmarks/projection-check.sh}.
 */
final class ProjectionCheckBenchmark {

    private ProjectionCheckBenchmark() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> settings = InProcessLedger.settings(args, properties);
        int subscriptions = Integer.parseInt(settings.getOrDefault("subscriptions", "100000").replace("_", ""));
        boolean each = Boolean.parseBoolean(settings.getOrDefault("each", "true"));
        Duration timeout = Duration.parse(settings.getOrDefault("timeout", "PT30M"));
        // a check compares the live tables once the live processors have caught up: give a big store the time
        properties.putIfAbsent("ledger.audit.projection-checks.catch-up-timeout", timeout.toString());
        InProcessLedger.runAndExit("projection-check", properties, (context, postgresDir, heap) -> {
            MachineInfo.describe(context.getBean(DataSource.class), context.getEnvironment(), postgresDir)
                    .forEach((key, value) -> System.out.printf("%-26s %s%n", key + ":", value));
            return run(context, subscriptions, each, timeout) ? 0 : 2;
        });
    }

    private static boolean run(ConfigurableApplicationContext context, int n, boolean each, Duration timeout)
            throws Exception {
        var jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        var axon = context.getBean(Configuration.class);
        var commands = context.getBean(CommandGateway.class);
        var store = new EventTopUp(context.getBean(EventStorageEngine.class), jdbc);
        var cpu = new ResourceSampler(context.getBean(EmbeddedPostgresServer.class).cluster(), jdbc);
        var projections = new ProjectionReplay(axon, context.getBean(TokenStore.class),
                context.getBean(TransactionManager.class), cpu);

        // the demo, as POST /api/demo runs it (the controller is package-private in the command side; called on
        // its target, past the administrator-only check that needs a signed-in request)
        Object demo = AopProxyUtils.getSingletonTarget(context.getBean("demoController"));
        demo = demo == null ? context.getBean("demoController") : demo;
        Method runDemo = demo.getClass().getDeclaredMethod("run");
        runDemo.setAccessible(true);
        Object answer = runDemo.invoke(demo);
        Method billRun = answer.getClass().getDeclaredMethod("billRun");
        billRun.setAccessible(true);
        String demoRun = String.valueOf(billRun.invoke(answer)).replace("/api/bill-runs/", "");
        awaitRun(jdbc, demoRun, timeout);
        log("demo loaded (its customers, job and bill run, as POST /api/demo does), its run " + demoRun
                + " completed | " + MachineLoad.now());

        for (String saga : List.of("provisioning", "event-charges")) {
            axon.eventProcessingConfiguration().eventProcessor(saga).ifPresent(processor -> processor.shutDown());
        }
        long seedStart = System.nanoTime();
        BillRunBenchmark.seedSubscriptions(commands, context.getBean(EventStorageEngine.class), jdbc, n);
        log(String.format("seeded %,d subscriptions in %.1f s", n, (System.nanoTime() - seedStart) / 1e9));
        projections.awaitCaughtUp(projections.names(), store.head(), timeout);

        String runId = UUID.randomUUID().toString();
        long runStart = System.nanoTime();
        commands.sendAndWait(new StartBillRun(runId, BillRunBenchmark.BILLING_DATE, null, null));
        awaitRun(jdbc, runId, timeout);
        long bills = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like"
                + " '%.BillIssued'", Long.class);
        log(String.format("bill run over %,d subscriptions completed in %.1f s; %,d bills in the store | %s", n,
                (System.nanoTime() - runStart) / 1e9, bills, MachineLoad.now()));
        long head = store.head();
        projections.awaitCaughtUp(projections.names(), head, timeout);
        log(String.format("projections caught up: %,d events in the store (head %,d) | %s",
                store.events(), head, MachineLoad.now()));

        var checker = context.getBean(ProjectionChecker.class);
        List<String> lines = new ArrayList<>();
        boolean allEqual = true;
        String loadBefore = MachineLoad.now();
        long start = System.nanoTime();
        ProjectionCheckReport all = checker.check(List.of());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.print(all.summary());
        allEqual &= all.outcome() == ProjectionCheckReport.Outcome.EQUAL;
        lines.add(String.format("| all %d projections at once | %s | %,d | %.1f s | %s → %s |",
                checker.projections().size(), all.outcome(), all.eventsReplayed(), seconds, loadBefore,
                MachineLoad.now()));
        if (each) {
            for (String name : checker.projections()) {
                loadBefore = MachineLoad.now();
                start = System.nanoTime();
                ProjectionCheckReport one = checker.check(List.of(name));
                seconds = (System.nanoTime() - start) / 1e9;
                allEqual &= one.outcome() == ProjectionCheckReport.Outcome.EQUAL;
                if (one.outcome() != ProjectionCheckReport.Outcome.EQUAL) {
                    System.out.print(one.summary());
                }
                lines.add(String.format("| %s alone | %s | %,d | %.1f s | %s → %s |", name, one.outcome(),
                        one.eventsReplayed(), seconds, loadBefore, MachineLoad.now()));
                log(lines.get(lines.size() - 1));
            }
        }
        System.out.printf("%nprojection check over the demo plus %,d bills (%,d events):%n", n, store.events());
        System.out.println("| check | outcome | events replayed | time | load before → after |");
        System.out.println("| --- | --- | ---: | ---: | --- |");
        lines.forEach(System.out::println);
        System.out.println("RESULT " + (allEqual ? "every check EQUAL" : "NOT EQUAL"));
        return allEqual;
    }

    private static void awaitRun(JdbcTemplate jdbc, String runId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!"COMPLETED".equals(jdbc.query("select status from bill_run_execution where run_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, runId))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("bill run " + runId + " not completed within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
