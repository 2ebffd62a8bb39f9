package org.subledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bill run stopped in the middle (the ledger shut down while segments were being billed: the segment in flight is
 * rolled back) resumes when the ledger starts again and finishes with every subscription billed exactly once.
 */
class BillRunRecoveryIT {

    private static final int SUBSCRIPTIONS = 12;

    final Path dataDir = Path.of("target", "it-postgres", "bill-run-recovery-" + UUID.randomUUID());

    ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--ledger.embedded-postgres.data-dir=" + dataDir,
                "--ledger.embedded-postgres.port=0",
                "--server.port=0"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
    }

    static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void aRunStoppedMidwayResumesAfterARestartAndBillsEachSubscriptionOnce() {
        String runId;
        List<String> subscriptions = new ArrayList<>();
        try (var first = start("--ledger.billing.segment-size=2", "--ledger.billing.partitions=1",
                "--ledger.billing.segment-pause=400ms")) {
            var api = api(first);
            var jdbc = first.getBean(JdbcTemplate.class);
            assertThat(api.post("admin", "/api/catalog/sample", "{}").status()).isEqualTo(200);
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                String accountId = api.openAccount("Resumed", "Customer" + i, "1000.00");
                var created = api.post("agent", "/api/subscriptions", """
                        {"accountId":"%s","subscriptionTypeCode":"GOLD",
                         "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                         "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                         "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                         "services":[{"productCode":"PLATINUM","distributorIds":["STB-1"]}]}""".formatted(accountId));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                subscriptions.add(created.json().get("subscriptionId").asText());
            }
            runId = startAndStopAfterASegment(api, jdbc, "2026-01-01");
        }
        // the ledger stopped mid-run: some subscriptions are billed, the run is not complete
        try (var second = start()) {
            var jdbc = second.getBean(JdbcTemplate.class);
            awaitCompleted(jdbc, runId);
            Map<String, Object> completed = jdbc.queryForMap("""
                    select payload::jsonb ->> 'billed' as billed, payload::jsonb ->> 'subscriptionsTotal' as total
                    from domain_event_entry where aggregate_identifier = ? and payload_type like '%BillRunCompleted'""",
                    runId);
            assertThat(completed.get("total")).isEqualTo(String.valueOf(SUBSCRIPTIONS));
            for (String subscriptionId : subscriptions) {
                assertThat(jdbc.queryForObject("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier = ? and payload_type like '%SubscriptionBilled'""",
                        Long.class, subscriptionId)).as("bills of " + subscriptionId).isEqualTo(1L);
            }
            assertThat(jdbc.queryForObject("""
                    select count(*) from domain_event_entry where payload_type like '%BillIssued'
                    and payload::jsonb ->> 'runId' = ?""", Long.class, runId)).isEqualTo((long) SUBSCRIPTIONS);
            // the bill numbers of the year are gapless: 1 to 12 for the run's bills, and as many more as start-up fee
            // bills were issued in 2026 (each is a bill of its own, numbered the day it is written)
            List<String> numbers = jdbc.queryForList("""
                    select payload::jsonb ->> 'billNumber' from domain_event_entry where payload_type like '%BillIssued'
                    and payload::jsonb ->> 'billNumber' like '2026-%' order by 1""", String.class);
            assertThat(numbers).hasSizeGreaterThanOrEqualTo(SUBSCRIPTIONS)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, numbers.size())
                            .mapToObj(n -> String.format("2026-%06d", n)).toList());
            // each account: the start-up fee and one bill of 30.00
            var api = api(second);
            for (String subscriptionId : subscriptions) {
                String accountId = jdbc.queryForObject("""
                        select payload::jsonb ->> 'accountId' from domain_event_entry
                        where aggregate_identifier = ? and sequence_number = 0""", String.class, subscriptionId);
                Await.until("balance of " + accountId, () -> RestartIT.balance(api, accountId), "35.00"::equals);
            }
        }
    }

    /**
     * The same with usage recorded by a mediation batch as one event (issue 17): its records are billing's rows, not
     * events on the streams, and leave them in the bill's transaction; the segment rolled back keeps its rows, so
     * every record is billed exactly once after the restart.
     */
    @Test
    void aRunStoppedMidwayBillsEachBatchRecordedUsageRecordOnce() {
        String runId;
        Map<String, List<String>> recordIds = new java.util.LinkedHashMap<>();
        try (var first = start("--ledger.billing.segment-size=2", "--ledger.billing.partitions=1",
                "--ledger.billing.segment-pause=400ms")) {
            var api = api(first);
            var jdbc = first.getBean(JdbcTemplate.class);
            assertThat(api.post("admin", "/api/catalog/sample", "{}").status()).isEqualTo(200);
            StringBuilder records = new StringBuilder();
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                String accountId = api.openAccount("Resumed", "User" + i, "1000.00");
                var created = api.post("agent", "/api/subscriptions", """
                        {"accountId":"%s","subscriptionTypeCode":"GOLD",
                         "billingTerms":{"scheme":"CORPORATE","billingFrequency":"MONTHLY"},
                         "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                         "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                         "services":[{"productCode":"GOLD","distributorIds":["STB-1"]},
                                     {"productCode":"PPV-MOVIES","distributorIds":["STB-1"]}]}""".formatted(accountId));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                String subscriptionId = created.json().get("subscriptionId").asText();
                List<String> ids = List.of("R1-" + i, "R2-" + i, "R3-" + i);
                recordIds.put(subscriptionId, ids);
                for (int day = 0; day < ids.size(); day++) {
                    records.append(records.isEmpty() ? "" : ",").append("""
                            {"subscriptionId":"%s","recordId":"%s","productCode":"BRAVEHEART","usedAt":"2026-01-%02dT21:30:00"}"""
                            .formatted(subscriptionId, ids.get(day), 10 + day));
                }
            }
            var batch = api.post("billing", "/api/usage/batches", "{\"records\":[" + records + "]}");
            assertThat(batch.json().get("accepted").asInt()).as(batch.toString()).isEqualTo(3 * SUBSCRIPTIONS);
            assertThat(jdbc.queryForObject("select count(*) from usage_record_id"
                            + " where subscription_id = any (?) and amount is not null", Long.class,
                    (Object) recordIds.keySet().toArray(String[]::new))).isEqualTo(3L * SUBSCRIPTIONS);
            runId = startAndStopAfterASegment(api, jdbc, "2026-02-01");
        }
        try (var second = start()) {
            var jdbc = second.getBean(JdbcTemplate.class);
            awaitCompleted(jdbc, runId);
            recordIds.forEach((subscriptionId, ids) -> assertThat(jdbc.queryForList("""
                    select jsonb_array_elements_text(payload::jsonb -> 'usageRecordIds') from domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%SubscriptionBilled'""",
                    String.class, subscriptionId)).as("records billed on " + subscriptionId)
                    .containsExactlyInAnyOrderElementsOf(ids));
            assertThat(jdbc.queryForObject("select count(*) from usage_record_id"
                            + " where subscription_id = any (?) and amount is not null", Long.class,
                    (Object) recordIds.keySet().toArray(String[]::new))).isZero();
        }
    }

    /** Starts a run for {@code billingDate} and waits until its first segment has committed. */
    private static String startAndStopAfterASegment(Api api, JdbcTemplate jdbc, String billingDate) {
        var started = api.post("billing", "/api/bill-runs", "{\"billingDate\":\"" + billingDate + "\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String runId = started.json().get("runId").asText();
        Await.until("a first segment committed", () -> billed(jdbc, runId), billed -> billed >= 2);
        return runId;
    }

    private static void awaitCompleted(JdbcTemplate jdbc, String runId) {
        Await.until("the run resumed and completed", () -> jdbc.queryForObject(
                "select status from bill_run_execution where run_id = ?", String.class, runId), "COMPLETED"::equals);
    }

    private static long billed(JdbcTemplate jdbc, String runId) {
        Long billed = jdbc.queryForObject("select coalesce(sum(billed), 0) from bill_run_partition where run_id = ?",
                Long.class, runId);
        return billed == null ? 0 : billed;
    }
}
