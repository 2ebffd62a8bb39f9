package org.subledger.platform.scheduling;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcOperations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.axonframework.deadline.GenericDeadlineMessage.asDeadlineMessage;

/**
 * Axon's {@link DbSchedulerDeadlineManager}, with deadlines found by their scope instead of by reading them all.
 * Axon's own {@code cancelAllWithinScope} reads and deserialises <em>every</em> scheduled deadline of every scope
 * ({@code fetchScheduledExecutionsForTask}) to find the few of one aggregate: with thousands of provisioning requests
 * pending (each with its time-out deadline), each acknowledgement paid for all the others, and opening thousands of
 * subscriptions was quadratic.
 *
 * <p>Here a deadline of an aggregate or a saga is stored under a task instance id that starts with a fixed-length key
 * of its name and scope — {@code k1.<32 hex digits of SHA-256(name, scope)>.<random id>} — so cancelling the deadlines
 * of one name within one scope is one indexed look-up ({@code left(task_instance, 36)}, migration
 * {@code V1_230__scheduled_tasks_scope_key}) and one db-scheduler {@code cancel} per deadline found: O(1) in the
 * number of deadlines pending. Everything else is Axon's: the task ({@code AxonDeadline}) and its data
 * ({@link DbSchedulerBinaryDeadlineDetails}), so Axon's task runs these deadlines as its own; the schedule id returned
 * is the task instance id, so {@link #cancelSchedule} works as before; scheduling and cancelling happen in the unit of
 * work's prepare-commit phase, in its transaction. Deadlines of other scopes keep Axon's behaviour.
 *
 * <p>Deadlines scheduled by an earlier version (a random id without the key) are given their key once, when the
 * ledger has started ({@link #rekeyLegacyDeadlines()}: each moved to {@code k1.<key>.<its old id>} in one transaction
 * with its old row's cancellation, so it runs once whatever node moves it). Until then, and should one be left, they
 * are still cancelled: while any remains (checked at most once a minute, never again once none does) a cancellation
 * also takes Axon's full read.
 */
public class ScopeKeyedDeadlineManager extends DbSchedulerDeadlineManager {

    /** The task instance prefix of a keyed deadline: version, key, separator. */
    static final String KEY_PREFIX = "k1.";
    /** The length of {@code k1.<key>.}, the indexed prefix. */
    static final int KEYED_PREFIX_LENGTH = KEY_PREFIX.length() + 32 + 1;
    /** The length of a random id (a UUID, Axon's default identifier), the indexed tail. */
    static final int RANDOM_LENGTH = 36;

    private static final Logger LOG = LoggerFactory.getLogger(ScopeKeyedDeadlineManager.class);
    private static final String TASK_NAME = new DbSchedulerDeadlineToken("-").getTaskName();
    private static final TaskDescriptor<DbSchedulerBinaryDeadlineDetails> TASK =
            TaskDescriptor.of(TASK_NAME, DbSchedulerBinaryDeadlineDetails.class);
    private static final Duration LEGACY_RECHECK = Duration.ofMinutes(1);

    private final SchedulerClient scheduler;
    private final Serializer serializer;
    private final DeadlineManagerSpanFactory spans;
    private final TransactionManager transactions;
    private final JdbcOperations jdbc;
    private final Clock clock;
    private volatile boolean legacyGone;
    private volatile Instant legacyCheckedAt;

    /**
     * @param builder   Axon's builder, with the scheduler and scope provider; the serializer, span factory and
     *                  transaction manager below are set on it (binary task data, Axon's default, is the only form
     *                  written here)
     * @param scheduler the client deadlines are scheduled and cancelled through (the builder's scheduler, or a wrapper
     *                  of it)
     * @param jdbc      on the scheduler's database, in the caller's transaction
     */
    public ScopeKeyedDeadlineManager(Builder builder, SchedulerClient scheduler, Serializer serializer,
                                     DeadlineManagerSpanFactory spans, TransactionManager transactions,
                                     JdbcOperations jdbc, Clock clock) {
        super(builder.serializer(serializer).spanFactory(spans).transactionManager(transactions));
        this.scheduler = scheduler;
        this.serializer = serializer;
        this.spans = spans;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The scope's identifier may not be known yet (a deadline scheduled in an aggregate's constructor: the aggregate
     * is not there before the handler returns), so the key is taken when the deadline is written, at prepare-commit.
     * The schedule id returned is then the task instance id if the key is known now, else its random part alone,
     * which {@link #cancelSchedule} finds too (by the instance id's last 36 characters, indexed).
     */
    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        if (!keyed(deadlineScope)) {
            return super.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        }
        DeadlineMessage<Object> deadlineMessage = asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime);
        String random = IdentifierFactory.getInstance().generateIdentifier();
        String known = keyIfKnown(deadlineName, deadlineScope);
        String scheduleId = known == null ? random : KEY_PREFIX + known + "." + random;
        var span = spans.createScheduleSpan(deadlineName, scheduleId, deadlineMessage);
        runOnPrepareCommitOrNow(span.wrapRunnable(() -> {
            DeadlineMessage<Object> message = processDispatchInterceptors(deadlineMessage);
            String instance = KEY_PREFIX + key(deadlineName, deadlineScope) + "." + random;
            scheduler.schedule(TASK.instance(instance).data(details(deadlineName, deadlineScope, message)).build(),
                    triggerDateTime);
        }));
        return scheduleId;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        super.cancelSchedule(deadlineName, scheduleId);
        if (!scheduleId.startsWith(KEY_PREFIX) && scheduleId.length() == RANDOM_LENGTH) {
            // a schedule id without its key (see schedule), or one from before the keys, since given its key
            runOnPrepareCommitOrNow(() -> jdbc.queryForList("""
                    select task_instance from scheduled_tasks
                     where task_name = ? and right(task_instance, 36) = ? and task_instance like ? and not picked""",
                    String.class, TASK_NAME, scheduleId, KEY_PREFIX + "%")
                    .stream().filter(instance -> instance.endsWith("." + scheduleId)).forEach(this::cancel));
        }
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        if (!keyed(scope)) {
            super.cancelAllWithinScope(deadlineName, scope);
            return;
        }
        var span = spans.createCancelAllWithinScopeSpan(deadlineName, scope);
        runOnPrepareCommitOrNow(span.wrapRunnable(() -> {
            List<String> instances = jdbc.queryForList("""
                    select task_instance from scheduled_tasks
                     where task_name = ? and left(task_instance, ?) = ? and not picked""", String.class,
                    TASK_NAME, KEYED_PREFIX_LENGTH, KEY_PREFIX + key(deadlineName, scope) + ".");
            for (String instance : instances) {
                cancel(instance);
            }
        }));
        if (legacyMayRemain()) {
            super.cancelAllWithinScope(deadlineName, scope);
        }
    }

    private static String keyIfKnown(String deadlineName, ScopeDescriptor scope) {
        try {
            return key(deadlineName, scope);
        } catch (RuntimeException e) {
            return null; // the scope's identifier is not there yet (an aggregate being created)
        }
    }

    static boolean keyed(ScopeDescriptor scope) {
        return scope instanceof AggregateScopeDescriptor || scope instanceof SagaScopeDescriptor;
    }

    private void cancel(String instance) {
        try {
            scheduler.cancel(TaskInstanceId.of(TASK_NAME, instance));
        } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException e) {
            // run or cancelled meanwhile, or running now: its handler finds the state that made it pointless
            LOG.debug("Deadline {} not cancelled: {}", instance, e.getMessage());
        }
    }

    /**
     * Gives every pending deadline of an aggregate or a saga scheduled without a key (by an earlier version) its key:
     * one read of all pending deadlines, once. Each is scheduled again under {@code k1.<key>.<its old id>}, at its
     * time and with its data, and its old row cancelled, in one transaction: should the old one be picked to run
     * meanwhile, the cancellation fails and the copy is rolled back with it; a second node doing the same finds the
     * copy there or the old row gone, and changes nothing.
     *
     * @return how many deadlines were given their key
     */
    public int rekeyLegacyDeadlines() {
        List<ScheduledExecution<DbSchedulerBinaryDeadlineDetails>> legacy = new ArrayList<>();
        scheduler.fetchScheduledExecutionsForTask(TASK_NAME, DbSchedulerBinaryDeadlineDetails.class, execution -> {
            if (!execution.getTaskInstance().getId().startsWith(KEY_PREFIX)) {
                legacy.add(execution);
            }
        });
        int moved = 0;
        for (var execution : legacy) {
            DbSchedulerBinaryDeadlineDetails details = execution.getData();
            String key = key(details.getD(), details.getDeserializedScopeDescriptor(serializer));
            if (key == null) {
                continue; // a scope without a key: Axon's own cancellation finds it
            }
            String oldId = execution.getTaskInstance().getId();
            try {
                transactions.executeInTransaction(() -> {
                    scheduler.scheduleIfNotExists(TASK.instance(KEY_PREFIX + key + "." + oldId).data(details).build(),
                            execution.getExecutionTime());
                    scheduler.cancel(execution.getTaskInstance());
                });
                moved++;
            } catch (RuntimeException e) {
                // picked to run, or moved by another node, meanwhile: nothing changed here
                LOG.debug("Deadline {} not given its key: {}", oldId, e.getMessage());
            }
        }
        if (moved > 0 || !legacy.isEmpty()) {
            LOG.info("{} of {} deadlines scheduled without a scope key were given theirs", moved, legacy.size());
        }
        legacyCheckedAt = null; // checked again at the next cancellation
        return moved;
    }

    /** Whether deadlines without a key (scheduled by an earlier version) may still be pending. */
    private boolean legacyMayRemain() {
        if (legacyGone) {
            return false;
        }
        Instant now = clock.instant();
        Instant checked = legacyCheckedAt;
        if (checked != null && now.isBefore(checked.plus(LEGACY_RECHECK))) {
            return true;
        }
        Boolean remain = jdbc.queryForObject("""
                select exists (select 1 from scheduled_tasks where task_name = ? and task_instance not like ?)""",
                Boolean.class, TASK_NAME, KEY_PREFIX + "%");
        legacyCheckedAt = now;
        legacyGone = !Boolean.TRUE.equals(remain);
        return !legacyGone;
    }

    private DbSchedulerBinaryDeadlineDetails details(String deadlineName, ScopeDescriptor scope,
                                                     DeadlineMessage<?> message) {
        // as Axon's DbSchedulerBinaryDeadlineDetails.serialized (package-private there)
        SerializedObject<byte[]> descriptor = serializer.serialize(scope, byte[].class);
        SerializedObject<byte[]> payload = serializer.serialize(message.getPayload(), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(message.getMetaData(), byte[].class);
        return new DbSchedulerBinaryDeadlineDetails(deadlineName, descriptor.getData(),
                descriptor.getType().getName(), payload.getData(), payload.getType().getName(),
                payload.getType().getRevision(), metaData.getData());
    }

    /**
     * 32 hex digits of SHA-256 over the deadline's name and its scope's kind, type and identifier; null for a scope
     * that is neither an aggregate's nor a saga's.
     */
    static String key(String deadlineName, ScopeDescriptor scope) {
        String described;
        if (scope instanceof AggregateScopeDescriptor aggregate) {
            described = "aggregate\n" + aggregate.getType() + "\n" + aggregate.getIdentifier();
        } else if (scope instanceof SagaScopeDescriptor saga) {
            described = "saga\n" + saga.getType() + "\n" + saga.getIdentifier();
        } else {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((deadlineName + "\n" + described).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
