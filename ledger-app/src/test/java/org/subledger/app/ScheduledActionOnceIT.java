package org.subledger.app;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.command.scheduling.ScheduledAction;
import org.subledger.command.scheduling.ScheduledActionCommands;
import org.subledger.command.scheduling.ScheduledActionDue;
import org.subledger.kernel.scheduling.SubscriptionActionScheduled;

import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled action runs exactly once: its deadline delivered again after the command was carried out but before
 * the outcome was recorded (the node stopped in between) is recognised as done, by the command's key on the
 * subscription's stream: executed, not sent again, not recorded as failed because the repeat would be refused.
 */
class ScheduledActionOnceIT extends LedgerIT {

    @Autowired
    CommandGateway commandGateway;
    @Autowired
    DeadlineManager deadlineManager;
    @Autowired
    EventStore eventStore;
    @Autowired
    Clock clock;

    @Test
    void aDeadlineDeliveredAgainAfterItsCommandRanIsRecordedOnceAsExecuted() {
        String subscriptionId = ScheduledActionsIT.effectiveSubscription(api);
        var scheduled = api.post("billing", "/api/subscriptions/" + subscriptionId + "/deactivate",
                "{\"executeOn\":\"" + LocalDate.now(clock).plusDays(1) + "\"}");
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(202);
        String actionId = scheduled.json().get("scheduledActionId").asText();

        // the first delivery: its command carried out, then the node stopped before the outcome was recorded
        var command = ((SubscriptionActionScheduled) eventStore.readEvents(actionId).next().getPayload()).command();
        commandGateway.sendAndWait(ScheduledActionCommands.message(actionId, command));
        assertThat(deactivations(subscriptionId)).isEqualTo(1);
        assertThat(ScheduledActionsIT.status(api, actionId)).isEqualTo("PENDING");

        // the deadline delivered again, now
        deadlineManager.schedule(clock.instant(), ScheduledAction.DEADLINE, new ScheduledActionDue(actionId),
                new AggregateScopeDescriptor(ScheduledAction.class.getSimpleName(), actionId));

        String status = Await.until("the repeat handled", () -> ScheduledActionsIT.status(api, actionId),
                current -> !current.equals("PENDING"));
        assertThat(status).isEqualTo("EXECUTED");
        assertThat(deactivations(subscriptionId)).as("not sent again").isEqualTo(1);
        Await.until("the subscription deactivated", () -> ScheduledActionsIT.state(api, subscriptionId),
                "DEACTIVATED"::equals);
    }

    long deactivations(String subscriptionId) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%SubscriptionDeactivated'""", Long.class,
                subscriptionId);
    }
}
