package org.subledger.app;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.command.collections.CollectionRunCommands;
import org.subledger.kernel.collections.CollectionRunCandidatesSelected;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.DeactivateSubscription;
import org.subledger.platform.clock.AdjustableClock;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deactivation run stopped in the middle resumes when the ledger starts again and acts on each subscription once.
 * The stop is made as bad as it gets: the node had already deactivated the first subscription of its next batch but
 * not recorded the batch. The resumed run recognises that subscription by the run's key on its stream, counts it as
 * acted on without sending the command again, and finishes the rest.
 */
class CollectionRunRecoveryIT {

    private static final int SUBSCRIPTIONS = 6;
    /**
     * Between two batches: long enough that no slow machine reaches the second batch before the first node is
     * stopped. The second node does not wait it out: the next batch is due by the ledger's clock, which the test moves.
     */
    private static final Duration PAUSE = Duration.ofMinutes(10);

    final Path dataDir = Path.of("target", "it-postgres", "collection-run-recovery-" + UUID.randomUUID());

    ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.embedded-postgres.data-dir=" + dataDir, "--ledger.embedded-postgres.port=0",
                "--server.port=0", "--ledger.collections.check=PT1S", "--ledger.clock.adjustable=true");
    }

    /**
     * An active definition's recurrence is kept by the persistent scheduler: set on one node, it starts its run by
     * itself on the next one, once the (sandbox's) clock has reached it.
     */
    @Test
    void anActiveDefinitionStartsItsRunByItselfAfterARestart() {
        String definitionId;
        Instant nextRunAt;
        String subscriptionId;
        try (var first = start()) {
            var collections = new CollectionRuns(BillRunRecoveryIT.api(first));
            String type = collections.newSubscriptionType("RECUR");
            subscriptionId = collections.customer(type, "40.00").subscriptionId();
            definitionId = collections.define("""
                    {"name":"Nightly deactivation","kind":"DEACTIVATION",
                     "amountAbove":{"amount":10.00,"currency":"EUR"},"dueDaysAgo":0,
                     "subscriptionTypes":["%s"],"batchSize":100,
                     "recurrence":{"frequency":"DAILY","at":"00:00"}}""".formatted(type));
            var activated = BillRunRecoveryIT.api(first).post("billing",
                    "/api/collections/run-definitions/" + definitionId + "/activate", null);
            assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
            nextRunAt = Instant.parse(activated.json().get("nextRunAt").asText());
        }
        try (var second = start()) {
            var api = BillRunRecoveryIT.api(second);
            var moved = api.put("admin", "/api/admin/clock",
                    "{\"today\":\"" + LocalDate.ofInstant(nextRunAt, ZoneOffset.UTC) + "\"}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            // the trigger's run id is derived from the definition and the occurrence
            String runId = UUID.nameUUIDFromBytes((definitionId + "@" + nextRunAt).getBytes()).toString();
            var completed = Await.until("the scheduled run completed", Duration.ofSeconds(120),
                    () -> api.get("reporter", "/api/collections/runs/" + runId),
                    response -> response.status() == 200
                            && "COMPLETED".equals(response.json().path("status").asText())).json();
            assertThat(completed.get("matched").asInt()).isEqualTo(1);
            assertThat(completed.get("acted").asInt()).isEqualTo(1);
            String subscription = subscriptionId;
            Await.until("deactivated", () -> new CollectionRuns(api).state(subscription), "DEACTIVATED"::equals);
        }
    }

    @Test
    void aRunStoppedBetweenActingAndRecordingResumesAfterARestartAndActsOnEachSubscriptionOnce() {
        String runId;
        List<String> candidates;
        List<String> subscriptions = new ArrayList<>();
        try (var first = start()) {
            var collections = new CollectionRuns(BillRunRecoveryIT.api(first));
            String type = collections.newSubscriptionType("RESUME");
            var customers = collections.customers(type, "40.00", SUBSCRIPTIONS);
            customers.forEach(customer -> subscriptions.add(customer.subscriptionId()));
            // the run selects from the open items, a projection of its own behind the balances customers() waited for
            var firstJdbc = first.getBean(JdbcTemplate.class);
            for (var customer : customers) {
                Await.until("the open items of " + customer.accountId(), () -> firstJdbc.queryForObject("""
                        select coalesce(sum(open_amount), 0) from receivable_open_item where account_id = ?""",
                        java.math.BigDecimal.class, customer.accountId()),
                        open -> open.compareTo(new java.math.BigDecimal("40.00")) == 0);
            }
            // batches of two with a pause between them long enough to stop the ledger in
            String definitionId = collections.define("""
                    {"name":"Resumed deactivation","kind":"DEACTIVATION",
                     "amountAbove":{"amount":10.00,"currency":"EUR"},"dueDaysAgo":0,
                     "subscriptionTypes":["%s"],"batchSize":2,"pauseBetweenBatches":"%s"}""".formatted(type,
                    PAUSE));
            runId = collections.runNow(definitionId, null);
            String run = runId;
            Await.until("the first batch recorded", () -> BillRunRecoveryIT.api(first)
                            .get("reporter", "/api/collections/runs/" + run),
                    response -> response.status() == 200 && response.json().get("batchesDone").asInt() == 1);
            candidates = ((CollectionRunCandidatesSelected) first.getBean(EventStore.class).readEvents(runId)
                    .asStream().filter(event -> event.getPayload() instanceof CollectionRunCandidatesSelected)
                    .findFirst().orElseThrow().getPayload()).subscriptionIds();
            assertThat(candidates).containsExactlyInAnyOrderElementsOf(subscriptions);

            // the node acts on the first subscription of the second batch, then stops before recording the batch
            first.getBean(CommandGateway.class).sendAndWait(CollectionRunCommands.message(runId,
                    new DeactivateSubscription(candidates.get(2), LocalDate.now(first.getBean(Clock.class)),
                            ActionClassification.none())));
        }
        try (var second = start()) {
            var api = BillRunRecoveryIT.api(second);
            var jdbc = second.getBean(JdbcTemplate.class);
            var run = new CollectionRuns(api);
            // the second batch is due a pause after the first was recorded, the third a pause after the second
            var completed = Await.until("the run resumed and completed", Duration.ofSeconds(120),
                    () -> {
                        skipAPause(second, runId);
                        return api.get("reporter", "/api/collections/runs/" + runId);
                    },
                    response -> response.status() == 200
                            && "COMPLETED".equals(response.json().path("status").asText())).json();
            assertThat(completed.get("matched").asInt()).isEqualTo(SUBSCRIPTIONS);
            assertThat(completed.get("acted").asInt()).isEqualTo(SUBSCRIPTIONS);
            assertThat(completed.get("failed").asInt()).as(completed.toString()).isZero();
            assertThat(completed.get("batches").asInt()).isEqualTo(3);
            for (String subscriptionId : subscriptions) {
                assertThat(jdbc.queryForObject("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier = ? and payload_type like '%SubscriptionDeactivated'""",
                        Long.class, subscriptionId)).as("deactivations of " + subscriptionId).isEqualTo(1L);
                Await.until("deactivated", () -> run.state(subscriptionId), "DEACTIVATED"::equals);
            }
        }
    }

    /**
     * Once the run has recorded a batch and waits out its pause (its next batch due later than the ledger's clock),
     * that (sandbox) clock is moved past it; never before, or the pause would be counted from the moved clock.
     */
    private static void skipAPause(ConfigurableApplicationContext ledger, String runId) {
        var clock = (AdjustableClock) ledger.getBean(Clock.class);
        for (Timestamp next : ledger.getBean(JdbcTemplate.class).queryForList("""
                select next_batch_at from collection_run_execution where run_id = ? and not finished""",
                Timestamp.class, runId)) {
            Instant now = clock.instant();
            if (next.toInstant().isAfter(now)) {
                clock.advance(Duration.between(now, next.toInstant()).plusSeconds(1));
            }
        }
    }
}
