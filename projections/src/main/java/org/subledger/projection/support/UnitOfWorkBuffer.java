package org.subledger.projection.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.subledger.kernel.processing.EventIsolation;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Collects a projection's writes for the whole batch of events an event processor handles in one unit of work, and
 * writes them with one JDBC batch just before that unit of work commits, in the same transaction as the processor's
 * token. One round trip per batch instead of one per event is what makes replays fast.
 *
 * <p>The buffer lives in the resources of the root unit of work, so it disappears with it: a rolled-back batch
 * writes nothing and is handled again from scratch. Outside a unit of work (no processor around), and while the
 * processor handles each event in isolation ({@link EventIsolation}, after a batch failed), writes go out at once,
 * within the handler: a statement that fails then fails its own event, which is dead-lettered. A handler should
 * still compute everything that can fail before it adds to the buffer, so a faulty event fails in its own handler
 * (and is dead-lettered) at once rather than at commit time, which fails the whole batch for one more attempt.
 *
 * @param <B> the projection's buffer type
 */
public final class UnitOfWorkBuffer<B> {

    private final String resourceKey;
    private final Supplier<B> newBuffer;
    private final Consumer<B> flush;

    /**
     * @param resourceKey unique name of this buffer among the unit of work's resources
     * @param newBuffer   makes an empty buffer
     * @param flush       writes a buffer's content; runs once per unit of work, before commit
     */
    public UnitOfWorkBuffer(String resourceKey, Supplier<B> newBuffer, Consumer<B> flush) {
        this.resourceKey = resourceKey;
        this.newBuffer = newBuffer;
        this.flush = flush;
    }

    /**
     * Adds to the current unit of work's buffer, or writes at once when no unit of work is active or its events are
     * handled in isolation.
     */
    public void add(Consumer<B> addition) {
        var root = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
        if (root == null || root.resources().containsKey(EventIsolation.RESOURCE_KEY)) {
            B buffer = newBuffer.get();
            addition.accept(buffer);
            flush.accept(buffer);
            return;
        }
        B buffer = root.getOrComputeResource(resourceKey, key -> {
            B created = newBuffer.get();
            root.onPrepareCommit(unitOfWork -> flush.accept(created));
            return created;
        });
        addition.accept(buffer);
    }
}
