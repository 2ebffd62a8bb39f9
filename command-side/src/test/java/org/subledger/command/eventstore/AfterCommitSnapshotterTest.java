package org.subledger.command.eventstore;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots asked for while a command runs are taken after it commits, once per aggregate, and never when it rolls
 * back; one that fails does not fail the command.
 */
class AfterCommitSnapshotterTest {

    private final List<String> taken = new ArrayList<>();
    private final List<UnitOfWork.Phase> phases = new ArrayList<>();
    private final AfterCommitSnapshotter snapshotter = new AfterCommitSnapshotter((type, id) -> {
        phases.add(CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().phase() : null);
        taken.add(type.getSimpleName() + "/" + id);
    });

    @Test
    void snapshotsAskedForDuringACommandAreTakenOnceEachAfterItCommits() {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.onPrepareCommit(u -> {
            snapshotter.scheduleSnapshot(String.class, "s-1"); // as Axon's trigger does, every threshold events
            snapshotter.scheduleSnapshot(String.class, "s-1");
            snapshotter.scheduleSnapshot(String.class, "s-2");
            assertThat(taken).as("nothing in the command's transaction").isEmpty();
        });
        snapshotter.scheduleSnapshot(String.class, "s-1");

        unitOfWork.commit();

        assertThat(taken).containsExactlyInAnyOrder("String/s-1", "String/s-2");
        assertThat(phases).containsOnly(UnitOfWork.Phase.AFTER_COMMIT);
    }

    @Test
    void aCommandThatRollsBackTakesNoSnapshot() {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        snapshotter.scheduleSnapshot(String.class, "s-1");

        unitOfWork.rollback(new IllegalStateException("refused"));

        assertThat(taken).isEmpty();
    }

    @Test
    void aSnapshotAskedForAtCleanUpOrOutsideACommandIsTakenAtOnce() {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.onCleanup(u -> {
            snapshotter.scheduleSnapshot(String.class, "at-clean-up"); // a trigger of an aggregate being loaded
            snapshotter.scheduleSnapshot(String.class, "at-clean-up");
        });
        unitOfWork.commit();
        snapshotter.scheduleSnapshot(String.class, "outside");

        assertThat(taken).containsExactly("String/at-clean-up", "String/outside");
    }

    @Test
    void aFailedSnapshotDoesNotFailTheCommandThatCommitted() {
        var failing = new AfterCommitSnapshotter((type, id) -> {
            throw new IllegalStateException("the snapshot table is unreachable");
        });
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        List<String> committed = new ArrayList<>();
        unitOfWork.onCommit(u -> committed.add("events"));
        failing.scheduleSnapshot(String.class, "s-1");

        unitOfWork.commit();

        assertThat(committed).containsExactly("events");
        assertThat(unitOfWork.isRolledBack()).isFalse();
    }
}
