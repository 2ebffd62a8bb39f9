package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.command.collections.CollectionRunCommands;
import org.subledger.kernel.scheduling.ExecuteScheduledAction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * Scheduled actions executed by behaviour code (issue 14, the seed's "Executing Scheduled actions according to
 * Behavior code"): two nightly definitions, every action but activations and deactivations first, those after;
 * each action carried out through its subscription's own command, a refused one recorded and the run going on, and
 * an action the run had carried out before it stopped not carried out again when it resumes.
 */
class ScheduledActionRunsIT extends LedgerIT {

    private static final String ALL_BUT_ACTIVATIONS = """
            ["ADD_SERVICE","REMOVE_SERVICE","SWAP_SERVICE","ADD_INSTALLED_ITEM","SWAP_INSTALLED_ITEM",
             "REMOVE_INSTALLED_ITEM","ADD_DISTRIBUTOR","REMOVE_DISTRIBUTOR","AMEND_BILLING_TERMS"]""";

    @Autowired
    Clock clock;
    @Autowired
    CommandGateway commandGateway;

    @Test
    void theNightlyBatchesRunEverythingButActivationsFirstThenTheActivationsOnceEachAndRecordARefusal() {
        var collections = new CollectionRuns(api, this::loadSampleCatalog);
        String type = collections.newSubscriptionType("SA");
        String first = subscribe(type);
        String second = subscribe(type);
        String third = subscribe(type);
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);

        // tomorrow: a device added to the first subscription, and all three deactivated; the second deactivated now
        String addDevice = schedule(first, "/distributors", """
                {"distributorId":"STB-2","providerCode":"NAGRA","services":["PLATINUM"],"executeOn":"%s"}"""
                .formatted(tomorrow));
        String deactivateFirst = schedule(first, "/deactivate", "{\"executeOn\":\"" + tomorrow + "\"}");
        String deactivateThird = schedule(third, "/deactivate", "{\"executeOn\":\"" + tomorrow + "\"}");
        String deactivateSecond = schedule(second, "/deactivate", "{\"executeOn\":\"" + tomorrow + "\"}");
        assertThat(api.post("billing", "/api/subscriptions/" + second + "/deactivate", null).status())
                .isBetween(200, 204);
        Await.until("the scheduled actions on the read side", () -> jdbc.queryForObject(
                "select count(*) from scheduled_action where subscription_id in (?, ?, ?)", Integer.class,
                first, second, third), count -> count == 4);

        String allButActivations = collections.define("""
                {"name":"All actions but activations","kind":"SCHEDULED_ACTIONS","behaviourCodes":%s,
                 "subscriptionTypes":["%s"],"batchSize":500,"recurrence":{"frequency":"DAILY","at":"00:05"}}"""
                .formatted(ALL_BUT_ACTIVATIONS, type));
        String activations = collections.define("""
                {"name":"Activations and deactivations","kind":"SCHEDULED_ACTIONS",
                 "behaviourCodes":["ACTIVATE","DEACTIVATE","REACTIVATE"],"subscriptionTypes":["%s"],
                 "batchSize":1,"pauseBetweenBatches":"PT1H","recurrence":{"frequency":"DAILY","at":"01:05"}}"""
                .formatted(type));
        // kept by the persistent scheduler: the first at 00:05, the second an hour later
        assertThat(nextRunAt(allButActivations)).isEqualTo(LocalTime.of(0, 5));
        assertThat(nextRunAt(activations)).isEqualTo(LocalTime.of(1, 5));

        // nothing is due today
        assertThat(collections.completed(collections.runNow(allButActivations, null)).get("matched").asInt())
                .isZero();

        // tomorrow's first batch: only the device
        JsonNode firstRun = collections.completed(collections.runNow(allButActivations, tomorrow.toString()));
        assertThat(firstRun.get("kind").asText()).isEqualTo("SCHEDULED_ACTIONS");
        assertThat(firstRun.get("matched").asInt()).isEqualTo(1);
        assertThat(firstRun.get("acted").asInt()).isEqualTo(1);
        assertThat(ScheduledActionsIT.status(api, addDevice)).isEqualTo("EXECUTED");
        assertThat(ScheduledActionsIT.status(api, deactivateFirst)).isEqualTo("PENDING");

        // then the deactivations, one a batch, in the order they were scheduled
        String runId = collections.runNow(activations, tomorrow.toString());
        awaitBatches(runId, 1);
        // the node carried out the next action (the third subscription's) and stopped before recording the batch
        assertThat(candidates(runId)).containsExactly(deactivateFirst, deactivateThird, deactivateSecond);
        commandGateway.sendAndWait(CollectionRunCommands.message(runId, new ExecuteScheduledAction(deactivateThird)));
        endPause(runId);
        awaitBatches(runId, 2);
        endPause(runId);
        JsonNode run = collections.completed(runId);

        assertThat(run.get("matched").asInt()).isEqualTo(3);
        assertThat(run.get("acted").asInt()).isEqualTo(2);
        assertThat(run.get("failed").asInt()).isEqualTo(1);
        assertThat(run.get("batches").asInt()).isEqualTo(3);
        JsonNode failure = run.get("failures").get(0);
        assertThat(failure.get("scheduledActionId").asText()).isEqualTo(deactivateSecond);
        assertThat(failure.get("code").asText()).isEqualTo("SUBSCRIPTION_STATE_INVALID");
        assertThat(ScheduledActionsIT.status(api, deactivateSecond)).isEqualTo("FAILED");
        for (String action : List.of(deactivateFirst, deactivateThird)) {
            assertThat(ScheduledActionsIT.status(api, action)).isEqualTo("EXECUTED");
        }
        // carried out once: one deactivation each, one outcome recorded by the resumed action
        assertThat(count(third, "SubscriptionDeactivated")).isEqualTo(1);
        assertThat(count(deactivateThird, "ScheduledActionExecuted")).isEqualTo(1);
        assertThat(count(first, "SubscriptionDeactivated")).isEqualTo(1);
        // the device was added before the subscription went dark, as the seed's order wants
        assertThat(jdbc.queryForList("""
                select substring(payload_type from '[^.]*$') from domain_event_entry
                where aggregate_identifier = ? and payload_type similar to '%(DistributorAdded|SubscriptionDeactivated)'
                order by sequence_number""", String.class, first))
                .containsExactly("DistributorAdded", "SubscriptionDeactivated");
        Await.until("deactivated", () -> ScheduledActionsIT.state(api, third), "DEACTIVATED"::equals);

        // a run again finds nothing pending
        assertThat(collections.completed(collections.runNow(activations, tomorrow.toString())).get("matched")
                .asInt()).isZero();
    }

    @Test
    void aScheduledActionsDefinitionNeedsItsBehaviourCodesAndRecordsNothingWithout() {
        var refused = api.post("billing", "/api/collections/run-definitions", """
                {"name":"Nothing","kind":"SCHEDULED_ACTIONS","batchSize":100}""");
        assertProblem(refused, 400, "VALIDATION_FAILED", "behaviourCodes");
        assertThat(recordedBy(refused)).isZero();
        assertProblem(api.post("billing", "/api/collections/run-definitions", """
                {"name":"Owing","kind":"SCHEDULED_ACTIONS","behaviourCodes":["DEACTIVATE"],"dueDaysAgo":10,
                 "batchSize":100}"""), 400, "VALIDATION_FAILED", "dueDaysAgo");
    }

    private String subscribe(String type) {
        String accountId = api.openAccount("Scheduled", "Batches", "5000.00");
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PLATINUM","distributorIds":["STB-1"]}]}""".formatted(accountId, type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subscriptionId").asText();
        Await.until("the subscription effective", () -> ScheduledActionsIT.state(api, id), "EFFECTIVE"::equals);
        return id;
    }

    private String schedule(String subscriptionId, String action, String body) {
        var scheduled = api.post("supervisor", "/api/subscriptions/" + subscriptionId + action, body);
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(202);
        return scheduled.json().get("scheduledActionId").asText();
    }

    private LocalTime nextRunAt(String definitionId) {
        var activated = api.post("billing", "/api/collections/run-definitions/" + definitionId + "/activate", null);
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        LocalTime at = LocalTime.ofInstant(Instant.parse(activated.json().get("nextRunAt").asText()), ZoneOffset.UTC);
        // not left running in the shared ledger
        assertThat(api.post("billing", "/api/collections/run-definitions/" + definitionId + "/deactivate", null)
                .status()).isEqualTo(200);
        return at;
    }

    private void awaitBatches(String runId, int batches) {
        Await.until(batches + " batches of run " + runId, Duration.ofSeconds(60),
                () -> api.get("reporter", "/api/collections/runs/" + runId),
                response -> response.status() == 200 && response.json().get("batchesDone").asInt() == batches);
    }

    /**
     * The pause between batches is over (an hour, in the definition): once the node has set the pause and let the
     * run go, its next batch is made due, and the run is taken up again as after a restart.
     */
    private void endPause(String runId) {
        Await.until("run " + runId + " pausing", () -> jdbc.queryForObject("""
                select count(*) from collection_run_execution
                where run_id = ? and lease_until <= clock_timestamp() and next_batch_at > now() + interval '30 minutes'""",
                Integer.class, runId), count -> count == 1);
        assertThat(jdbc.update("""
                update collection_run_execution set next_batch_at = timestamptz '2000-01-01 00:00:00Z'
                where run_id = ?""", runId)).isEqualTo(1);
    }

    private List<String> candidates(String runId) {
        return jdbc.queryForList("""
                select jsonb_array_elements_text(payload::jsonb -> 'subscriptionIds') from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%CollectionRunCandidatesSelected'""",
                String.class, runId);
    }

    private long count(String aggregateId, String eventType) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?""",
                Long.class, aggregateId, "%." + eventType);
    }
}
