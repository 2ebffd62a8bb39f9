package org.subledger.command.eventstore;

import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;

/**
 * Takes an aggregate's snapshot after the command that called for it has committed, once per aggregate and command,
 * in a transaction of its own; never in the command's transaction.
 *
 * <p>Axon's snapshot trigger schedules a snapshot while the command prepares its commit, once every threshold events:
 * a command appending 250 events with a threshold of 100 asked twice, and both snapshots went into the command's
 * transaction at the same sequence number. The event store ignores a snapshot that already exists, but PostgreSQL had
 * aborted the transaction at the duplicate key, so the commit rolled back the command's events while the command
 * reported success: a mediation batch lost every record it had just accepted. After the commit a snapshot risks only
 * itself, and one that fails is logged, not thrown: the command it follows has committed. The aggregate's lock is
 * still held in that phase (it is released at clean-up), so the state a snapshotter reads is the one just committed.
 */
public final class AfterCommitSnapshotter implements Snapshotter {

    private static final Logger log = LoggerFactory.getLogger(AfterCommitSnapshotter.class);

    private final Snapshotter delegate;
    private final String scheduled;

    public AfterCommitSnapshotter(Snapshotter delegate) {
        this.delegate = delegate;
        this.scheduled = AfterCommitSnapshotter.class.getName() + "@" + System.identityHashCode(this);
    }

    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            snapshot(aggregateType, aggregateIdentifier);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root.isRolledBack()) {
            return;
        }
        Set<String> aggregates = root.getOrComputeResource(scheduled, key -> new HashSet<>());
        if (!aggregates.add(aggregateType.getName() + '/' + aggregateIdentifier)) {
            return;
        }
        if (root.phase().isAfter(UnitOfWork.Phase.COMMIT)) { // after commit or at clean-up: no transaction left
            snapshot(aggregateType, aggregateIdentifier);
        } else {
            root.afterCommit(unitOfWork -> snapshot(aggregateType, aggregateIdentifier));
        }
    }

    private void snapshot(Class<?> aggregateType, String aggregateIdentifier) {
        try {
            delegate.scheduleSnapshot(aggregateType, aggregateIdentifier);
        } catch (RuntimeException failure) {
            log.warn("The snapshot of {} {} failed; the next command past the threshold takes one",
                    aggregateType.getSimpleName(), aggregateIdentifier, failure);
        }
    }
}
