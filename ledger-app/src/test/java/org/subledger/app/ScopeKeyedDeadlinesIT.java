package org.subledger.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.subledger.command.provisioning.SimulatedProvider;
import org.subledger.kernel.provisioning.ProvisioningIds;
import org.subledger.platform.scheduling.ScopeKeyedDeadlineManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Cancelling one aggregate's deadlines finds them by key, not by reading every deadline pending (which made each
 * provisioning acknowledgement cost as much as all the requests still pending): with many scopes' deadlines pending,
 * cancelling one scope's removes exactly its deadlines of that name, and db-scheduler is asked for one cancel per
 * deadline and never for the list of all scheduled executions. A deadline scheduled by the earlier, unkeyed manager is
 * still cancelled (then by Axon's full read), and is given its key once (then cancelled by it). The ledger's
 * provisioning requests use the keyed deadlines.
 */
class ScopeKeyedDeadlinesIT extends LedgerIT {

    private static final String TASK = "AxonDeadline";
    /** Far beyond anything a test moves the ledger clock to: never due while the test runs. */
    private static final Instant FAR = Instant.parse("2999-01-01T00:00:00Z");

    @Autowired
    Scheduler scheduler;
    @Autowired
    Configuration configuration;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    DeadlineManagerSpanFactory spanFactory;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    DeadlineManager ledgerDeadlines;
    @Autowired
    SimulatedProvider simulator;

    private final String type = "KeyTest" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> scheduled = new ArrayList<>();

    @AfterEach
    void cancelWhatIsLeft() {
        // the context is shared: no test deadline is left behind for the others
        scheduled.forEach(id -> scheduler.getScheduledExecution(TaskInstanceId.of(TASK, id))
                .ifPresent(execution -> scheduler.cancel(execution.getTaskInstance())));
        simulator.reject(request -> false);
    }

    @Test
    void cancellingOneScopeRemovesItsDeadlinesByKeyAndReadsNoOtherDeadline() {
        Scheduler counted = spy(scheduler);
        var deadlines = keyed(counted);
        List<String> others = new ArrayList<>();
        List<String> target = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            var scope = new AggregateScopeDescriptor(type, "request-" + i);
            for (int n = 0; n < 2; n++) {
                String id = deadlines.schedule(FAR, "timeout", null, scope);
                (i == 7 ? target : others).add(id);
            }
            // another deadline name within the same scope stays
            others.add(deadlines.schedule(FAR, "retry", null, scope));
        }
        scheduled.addAll(target);
        scheduled.addAll(others);
        assertThat(target).allMatch(id -> id.startsWith("k1."));
        assertThat(pending(target)).as("scheduled").hasSize(2);

        deadlines.cancelAllWithinScope("timeout", new AggregateScopeDescriptor(type, "request-7"));

        assertThat(pending(target)).as("the scope's timeouts").isEmpty();
        assertThat(pending(others)).as("every other deadline").containsExactlyInAnyOrderElementsOf(others);
        verify(counted, times(2)).cancel(any());
        verify(counted, never()).fetchScheduledExecutionsForTask(any(), any(), any());
        verify(counted, never()).fetchScheduledExecutions(any());
        verify(counted, never()).fetchScheduledExecutions(any(), any());
        verify(counted, never()).getScheduledExecutionsForTask(any());
        verify(counted, never()).getScheduledExecutions();
    }

    @Test
    void aDeadlineScheduledBeforeTheKeysIsStillCancelled() {
        var scope = new AggregateScopeDescriptor(type, "legacy");
        String legacy = unkeyed().schedule(FAR, "timeout", null, scope);
        scheduled.add(legacy);
        assertThat(legacy).doesNotStartWith("k1.");
        Scheduler counted = spy(scheduler);
        var deadlines = keyed(counted);
        String keyed = deadlines.schedule(FAR, "timeout", null, scope);
        String otherScope = deadlines.schedule(FAR, "timeout", null, new AggregateScopeDescriptor(type, "other"));
        scheduled.add(keyed);
        scheduled.add(otherScope);

        deadlines.cancelAllWithinScope("timeout", scope);

        assertThat(pending(List.of(legacy, keyed, otherScope))).containsExactly(otherScope);
        verify(counted, atLeastOnce()).fetchScheduledExecutionsForTask(any(), any(), any());
    }

    @Test
    void aDeadlineScheduledBeforeTheKeysIsGivenItsKeyOnceAndThenCancelledByIt() {
        var scope = new AggregateScopeDescriptor(type, "rekeyed");
        String legacy = unkeyed().schedule(FAR, "timeout", "payload", scope);
        scheduled.add(legacy);
        var deadlines = keyed(scheduler);

        assertThat(deadlines.rekeyLegacyDeadlines()).isGreaterThanOrEqualTo(1);

        assertThat(pending(List.of(legacy))).as("the unkeyed row").isEmpty();
        List<String> keyed = jdbc.queryForList("select task_instance from scheduled_tasks where task_name = ?"
                + " and task_instance like ?", String.class, TASK, "k1.%." + legacy);
        scheduled.addAll(keyed);
        assertThat(keyed).as("its copy, under its key").hasSize(1);
        var copy = scheduler.getScheduledExecution(TaskInstanceId.of(TASK, keyed.get(0))).orElseThrow();
        assertThat(copy.getExecutionTime()).isEqualTo(FAR);
        assertThat(((DbSchedulerBinaryDeadlineDetails) copy.getData()).getD()).isEqualTo("timeout");
        assertThat(deadlines.rekeyLegacyDeadlines()).as("a second pass, as another node's").isZero();

        Scheduler counted = spy(scheduler);
        keyed(counted).cancelAllWithinScope("timeout", scope);
        assertThat(pending(keyed)).isEmpty();
        verify(counted, times(1)).cancel(any());
        verify(counted, never()).fetchScheduledExecutionsForTask(any(), any(), any());
    }

    @Test
    void aDeadlineScheduledBeforeItsAggregateExistsGetsItsKeyWhenWrittenAndIsCancelledByItsScheduleId() {
        var created = new java.util.concurrent.atomic.AtomicBoolean();
        var scope = new AggregateScopeDescriptor(type, () -> {
            if (!created.get()) {
                throw new NullPointerException("the aggregate is still being constructed");
            }
            return "constructed";
        });
        var deadlines = keyed(scheduler);
        var unitOfWork = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
        String scheduleId = deadlines.schedule(FAR, "due", null, scope);
        created.set(true);
        unitOfWork.commit();

        List<String> written = jdbc.queryForList("select task_instance from scheduled_tasks where task_name = ?"
                + " and task_instance like ?", String.class, TASK, "k1.%." + scheduleId);
        scheduled.addAll(written);
        assertThat(written).as("written under its key, ending with the schedule id").hasSize(1);
        assertThat(written.get(0)).startsWith("k1.").hasSize(36 + scheduleId.length());

        deadlines.cancelSchedule("due", scheduleId);
        assertThat(pending(written)).isEmpty();
    }

    @Test
    void theLedgersProvisioningDeadlinesAreKeyedAndCancelledWithTheRequest() {
        assertThat(ledgerDeadlines).isInstanceOf(ScopeKeyedDeadlineManager.class);
        loadSampleCatalog();
        String accountId = api.openAccount("Kay", "Keyed", "500.00");
        String distributor = "STB-" + UUID.randomUUID().toString().substring(0, 8);
        simulator.reject(request -> request.distributorId().equals(distributor));
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-02-01",
                 "distributors":[{"distributorId":"%s","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["%s"]}]}"""
                .formatted(accountId, distributor, distributor));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String request = ProvisioningIds.requestId(created.json().get("subscriptionId").asText(), 0, "NAGRA",
                distributor, "GOLD");
        // rejected: its time-out and its retry pending, both under the request's keys
        var instances = Await.until("the request's time-out and retry scheduled", () -> deadlinesOf(request),
                found -> found.size() == 2);
        assertThat(instances).allMatch(id -> id.startsWith("k1."));

        simulator.reject(r -> false); // the retry is acknowledged: its deadlines are cancelled with it
        Await.until("the request acknowledged and its deadlines gone", () -> deadlinesOf(request), List::isEmpty);
        assertThat(jdbc.queryForList("""
                select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                String.class, request)).last().asString().endsWith("ProvisioningAcknowledged");
    }

    private ScopeKeyedDeadlineManager keyed(Scheduler client) {
        var builder = DbSchedulerDeadlineManager.builder().scheduler(client)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .startScheduler(false).stopScheduler(false);
        return new ScopeKeyedDeadlineManager(builder, client, serializer, spanFactory, transactionManager, jdbc,
                ledgerClock);
    }

    /** Axon's own manager, as the ledger used before the keys. */
    private DbSchedulerDeadlineManager unkeyed() {
        return DbSchedulerDeadlineManager.builder().scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration)).serializer(serializer)
                .startScheduler(false).stopScheduler(false).build();
    }

    private List<String> pending(List<String> ids) {
        return ids.stream().filter(id -> scheduler.getScheduledExecution(TaskInstanceId.of(TASK, id)).isPresent())
                .toList();
    }

    private List<String> deadlinesOf(String requestId) {
        return jdbc.queryForList("""
                select task_instance from scheduled_tasks
                 where task_name = ? and position(convert_to(?, 'UTF8') in task_data) > 0""", String.class, TASK,
                requestId);
    }
}
