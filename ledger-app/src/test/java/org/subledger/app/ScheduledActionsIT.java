package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.scheduling.EventScheduler;
import org.axonframework.eventhandling.scheduling.dbscheduler.DbSchedulerEventScheduler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled subscription actions on the persistent scheduler: an action submitted for tomorrow is kept in
 * PostgreSQL (db-scheduler, through Axon's deadline manager), survives a restart and runs when due; a cancelled one
 * never runs. "Tomorrow comes" by starting the second node with its clock one day ahead ({@code ledger.clock.offset});
 * db-scheduler tells due tasks by the ledger's clock, so nobody waits a day.
 */
class ScheduledActionsIT {

    final Path dataDir = Path.of("target", "it-postgres", "scheduled-" + UUID.randomUUID());

    ConfigurableApplicationContext start(String... extra) {
        // as command-line arguments: they must win over application.yml (default properties would not)
        var arguments = new ArrayList<>(List.of(
                "--ledger.embedded-postgres.data-dir=" + dataDir,
                "--ledger.embedded-postgres.port=0",
                "--server.port=0"));
        for (String property : extra) {
            arguments.add("--" + property);
        }
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static String state(Api api, String subscriptionId) {
        var response = api.get("reporter", "/api/subscriptions/" + subscriptionId);
        return response.status() == 200 ? response.json().get("state").asText() : "none";
    }

    static String status(Api api, String scheduledActionId) {
        return api.get("reporter", "/api/scheduled-actions/" + scheduledActionId).json().get("status").asText();
    }

    static int deadlineRows(ConfigurableApplicationContext context) {
        // only the scheduled actions' deadlines (other processes, e.g. sagas, keep deadlines in the same table)
        return context.getBean(JdbcTemplate.class).queryForObject("""
                select count(*) from scheduled_tasks
                where position(convert_to('execute-scheduled-action', 'UTF8') in task_data) > 0""", Integer.class);
    }

    static String effectiveSubscription(Api api) {
        assertThat(api.post("admin", "/api/catalog/sample", "{}").status()).isEqualTo(200);
        String accountId = api.openAccount("Andreas", "Scheduled", "500.00");
        Await.until("the account on the read side", () -> api.get("reporter", "/api/accounts/" + accountId),
                response -> response.status() == 200);
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}]}""".formatted(accountId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subscriptionId").asText();
        Await.until("the subscription effective", () -> state(api, id), "EFFECTIVE"::equals);
        return id;
    }

    @Test
    void aScheduledDeactivationRunsAfterARestartAndACancelledTerminationNever() {
        String subscriptionId;
        String deactivationId;
        String terminationId;
        LocalDate tomorrow;
        try (var first = start()) {
            // deadlines go to PostgreSQL: Axon's db-scheduler deadline manager and event scheduler are the ones in use
            assertThat(first.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
            assertThat(first.getBean(EventScheduler.class)).isInstanceOf(DbSchedulerEventScheduler.class);
            var api = api(first);
            subscriptionId = effectiveSubscription(api);
            tomorrow = LocalDate.now(first.getBean(Clock.class)).plusDays(1);

            var deactivation = api.post("billing", "/api/subscriptions/" + subscriptionId + "/deactivate",
                    "{\"executeOn\":\"" + tomorrow + "\"}");
            assertThat(deactivation.status()).as(deactivation.toString()).isEqualTo(202);
            assertThat(deactivation.json().get("executeOn").asText()).isEqualTo(tomorrow.toString());
            deactivationId = deactivation.json().get("scheduledActionId").asText();
            assertThat(deactivation.header("Location")).isEqualTo("/api/scheduled-actions/" + deactivationId);

            var termination = api.post("billing", "/api/subscriptions/" + subscriptionId + "/terminate",
                    "{\"executeOn\":\"" + tomorrow + "\"}");
            assertThat(termination.status()).as(termination.toString()).isEqualTo(202);
            terminationId = termination.json().get("scheduledActionId").asText();
            assertThat(deadlineRows(first)).isEqualTo(2);

            var cancelled = api.post("agent", "/api/scheduled-actions/" + terminationId + "/cancel", null);
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
            AccountsIT.assertProblem(api.post("agent", "/api/scheduled-actions/" + terminationId + "/cancel", null),
                    409, "SCHEDULED_ACTION_NOT_PENDING", null);
            AccountsIT.assertProblem(api.post("agent", "/api/scheduled-actions/" + UUID.randomUUID() + "/cancel",
                    null), 404, "SCHEDULED_ACTION_NOT_FOUND", null);
            assertThat(deadlineRows(first)).isEqualTo(1);

            JsonNode pending = api.get("reporter", "/api/scheduled-actions/" + deactivationId).json();
            assertThat(pending.get("status").asText()).isEqualTo("PENDING");
            assertThat(pending.get("subscriptionId").asText()).isEqualTo(subscriptionId);
            assertThat(pending.get("action").asText()).isEqualTo("DeactivateSubscription");
            assertThat(state(api, subscriptionId)).isEqualTo("EFFECTIVE");
        }

        // a day later (by the ledger's clock): the deadline stored before the restart is due and runs
        try (var second = start("ledger.clock.offset=P1D")) {
            var api = api(second);
            Await.until("the scheduled deactivation executed", () -> status(api, deactivationId),
                    "EXECUTED"::equals);
            Await.until("the subscription deactivated", () -> state(api, subscriptionId), "DEACTIVATED"::equals);
            // db-scheduler deletes a task once its execution has completed, after the action's outcome committed
            Await.until("no scheduled action's deadline left", () -> deadlineRows(second), rows -> rows == 0);
            AccountsIT.assertProblem(api.post("agent", "/api/scheduled-actions/" + deactivationId + "/cancel", null),
                    409, "SCHEDULED_ACTION_NOT_PENDING", null);
            // the cancelled termination never ran (a deactivated subscription could otherwise be terminated), and
            // with no deadline left nothing can still run it: the event store is final for both
            assertThat(status(api, terminationId)).isEqualTo("CANCELLED");
            assertThat(second.getBean(JdbcTemplate.class).queryForList("""
                    select payload_type from domain_event_entry where aggregate_identifier = ?
                    order by sequence_number""", String.class, subscriptionId))
                    .anyMatch(type -> type.endsWith("SubscriptionDeactivated"))
                    .noneMatch(type -> type.endsWith("SubscriptionTerminated"));
            assertThat(state(api, subscriptionId)).isEqualTo("DEACTIVATED");
        }
    }
}
