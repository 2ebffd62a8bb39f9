package org.subledger.app;

import org.subledger.platform.db.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.command.CommandSideApplication;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bill runs on two nodes of one PostgreSQL: the whole ledger (node A) and a command node (node B), each billing two
 * of a run's four partitions at a time under a lease. A run goes on while node B restarts, and a run whose node B
 * is stopped (its leases left as a dead node leaves them: held, until they run out) is finished by node A without
 * any restart; a node whose leases were taken from it while it worked rolls its segment back. Every subscription is
 * billed once per run, the bill numbers are gapless, the counts exact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillRunOnTwoNodesIT {

    private static final int SUBSCRIPTIONS = 24;
    private static final String[] BILLING = {
            "--ledger.billing.segment-size=2", "--ledger.billing.partitions=4", "--ledger.billing.workers=2",
            "--ledger.billing.segment-pause=300ms", "--ledger.billing.lease-duration=3s",
            "--ledger.billing.lease-check=300ms"};

    static final Path DATA_DIR = Path.of("target", "it-postgres", "bill-run-two-nodes-" + UUID.randomUUID());
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static Api api;
    static JdbcTemplate jdbc;
    static final List<String> subscriptions = new ArrayList<>();

    @BeforeAll
    static void twoNodesAndTheirSubscriptions() {
        List<String> args = new ArrayList<>(List.of("--ledger.embedded-postgres.data-dir=" + DATA_DIR,
                "--ledger.embedded-postgres.port=0", "--server.port=0", "--ledger.billing.node-name=node-a"));
        args.addAll(List.of(BILLING));
        nodeA = new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
        api = new Api(((WebServerApplicationContext) nodeA).getWebServer().getPort());
        jdbc = nodeA.getBean(JdbcTemplate.class);
        nodeB = startNodeB();
        assertThat(api.post("admin", "/api/catalog/sample", "{}").status()).isEqualTo(200);
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            String accountId = api.openAccount("Shared", "Customer" + i, "1000.00");
            var created = api.post("agent", "/api/subscriptions", """
                    {"accountId":"%s","subscriptionTypeCode":"GOLD",
                     "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                     "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                     "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                     "services":[{"productCode":"PLATINUM","distributorIds":["STB-1"]}]}""".formatted(accountId));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            subscriptions.add(created.json().get("subscriptionId").asText());
        }
    }

    static ConfigurableApplicationContext startNodeB() {
        var cluster = nodeA.getBean(EmbeddedPostgresServer.class).cluster();
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + cluster.jdbcUrl(),
                "--spring.datasource.username=" + cluster.ledgerRole().name(),
                "--spring.datasource.password=" + cluster.ledgerRole().password(),
                "--ledger.security.demo-users=true", "--server.port=0", "--ledger.billing.node-name=node-b"));
        args.addAll(List.of(BILLING));
        return new SpringApplicationBuilder(CommandSideApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    @Order(1)
    void aRunStartedOnOneNodeWhileTheOtherRestartsBillsEverySubscriptionOnce() {
        String runId = startRun("2026-01-01");
        Await.until("both nodes billing partitions", () -> owners(runId),
                owners -> owners.stream().anyMatch(o -> o.startsWith("node-a/"))
                        && owners.stream().anyMatch(o -> o.startsWith("node-b/")));
        nodeB.close();
        nodeB = startNodeB();

        awaitCompleted(runId);
        assertCounts(runId, SUBSCRIPTIONS);
        assertEverySubscriptionBilled(1);
        assertGaplessNumbers(SUBSCRIPTIONS);
    }

    @Test
    @Order(2)
    void aRunAbandonedByAStoppedNodeIsFinishedByTheOtherWithoutARestart() {
        String runId = startRun("2026-02-01");
        String deadOwner = Await.until("node B billing a partition", () -> jdbc.queryForList("""
                select owner from bill_run_partition where run_id = ? and not done and owner like 'node-b/%'""",
                String.class, runId), owners -> !owners.isEmpty()).get(0);
        nodeB.close();
        nodeB = null;
        // node B stopped in order and gave its leases up; a node that dies keeps them until they run out: put them
        // back as it would have left them, so that node A has to wait for them to run out
        List<Integer> abandoned = jdbc.queryForList("""
                update bill_run_partition set owner = ?, lease_until = clock_timestamp() + interval '2 seconds'
                where run_id = ? and not done and owner like 'node-b/%' returning partition_no""", Integer.class,
                deadOwner, runId);

        awaitCompleted(runId);
        for (int partition : abandoned) {
            assertThat(jdbc.queryForObject("""
                    select owner from bill_run_partition where run_id = ? and partition_no = ?""", String.class, runId,
                    partition)).as("partition " + partition + " finished by node A").startsWith("node-a/");
        }
        assertCounts(runId, SUBSCRIPTIONS);
        assertEverySubscriptionBilled(2);
        assertGaplessNumbers(2 * SUBSCRIPTIONS);
    }

    @Test
    @Order(3)
    void aNodeThatLostItsLeaseRollsItsSegmentBackInsteadOfBillingItTwice() {
        String runId = startRun("2026-03-01");
        Await.until("node A billing", () -> billed(runId), billed -> billed >= 2);
        // node A's leases taken from it as if they had run out while it was paused, by a node that holds them now
        List<Integer> stolen = jdbc.queryForList("""
                update bill_run_partition
                set owner = 'node-c/paused', lease_until = clock_timestamp() + interval '2 seconds'
                where run_id = ? and not done returning partition_no""", Integer.class, runId);

        awaitCompleted(runId);
        assertThat(stolen).as("partitions still to bill when the leases were taken").isNotEmpty();
        assertCounts(runId, SUBSCRIPTIONS);
        assertEverySubscriptionBilled(3);
        assertGaplessNumbers(3 * SUBSCRIPTIONS);
    }

    private static long billed(String runId) {
        return jdbc.queryForObject("select coalesce(sum(billed), 0) from bill_run_partition where run_id = ?",
                Long.class, runId);
    }

    private static String startRun(String billingDate) {
        var started = api.post("billing", "/api/bill-runs", "{\"billingDate\":\"" + billingDate + "\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started.json().get("runId").asText();
    }

    private static List<String> owners(String runId) {
        return jdbc.queryForList("select distinct owner from bill_run_partition where run_id = ? and owner is not null",
                String.class, runId);
    }

    private static void awaitCompleted(String runId) {
        Await.until("run " + runId + " completed", () -> jdbc.queryForList(
                "select status from bill_run_execution where run_id = ?", String.class, runId),
                status -> status.equals(List.of("COMPLETED")));
    }

    private static void assertCounts(String runId, int billed) {
        Map<String, Object> completed = jdbc.queryForMap("""
                select payload::jsonb ->> 'subscriptionsTotal' as total, payload::jsonb ->> 'billed' as billed,
                       payload::jsonb ->> 'skipped' as skipped, payload::jsonb ->> 'failed' as failed
                from domain_event_entry where aggregate_identifier = ? and payload_type like '%BillRunCompleted'""",
                runId);
        assertThat(completed).containsEntry("total", String.valueOf(SUBSCRIPTIONS))
                .containsEntry("billed", String.valueOf(billed)).containsEntry("skipped", "0")
                .containsEntry("failed", "0");
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry where payload_type like '%BillIssued'
                and payload::jsonb ->> 'runId' = ?""", Long.class, runId)).isEqualTo((long) billed);
    }

    private static void assertEverySubscriptionBilled(int times) {
        for (String subscriptionId : subscriptions) {
            assertThat(jdbc.queryForObject("""
                    select count(*) from domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%SubscriptionBilled'""",
                    Long.class, subscriptionId)).as("bills of " + subscriptionId).isEqualTo(times);
        }
    }

    /**
     * The year's bill numbers are gapless: the run's {@code count} bills, and as many more as start-up fee bills were
     * issued in 2026 (each is a bill of its own, numbered the day it is written).
     */
    private static void assertGaplessNumbers(int count) {
        var numbers = jdbc.queryForList("""
                select payload::jsonb ->> 'billNumber' from domain_event_entry where payload_type like '%BillIssued'
                and payload::jsonb ->> 'billNumber' like '2026-%' order by 1""", String.class);
        assertThat(numbers).hasSizeGreaterThanOrEqualTo(count)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, numbers.size())
                        .mapToObj(n -> String.format("2026-%06d", n)).toList());
    }
}
