package org.subledger.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One page of an aggregate's audit trail: its events, oldest first, each with the state after it. The state is the
 * stream's one fold (the same class the aggregate and the as-of readers use) applied from the first event, so a page
 * deep in a long stream still folds everything before it; folding stops at the page's last event.
 */
public final class AuditTrail {

    /** The most events one page of a trail holds, whoever asks. */
    public static final int MAX_PAGE_SIZE = 500;
    public static final int DEFAULT_PAGE_SIZE = 100;

    /**
     * A stream's fold as the trail drives it: applies one event, and answers the state so far as a value that later
     * events do not change (a summary or view, never the mutable fold itself).
     */
    public interface Fold {
        void apply(DomainEventMessage<?> event);

        Object state();
    }

    /**
     * A page of a trail; {@code events} holds the page's events, oldest first. Each trail answers it under the name
     * of its aggregate's id ({@code accountId}, {@code subscriptionId}, …), as it did before it was paged.
     */
    public record Page(List<AuditedEvent> events, int page, int size, long totalElements, long totalPages) {
    }

    private AuditTrail() {
    }

    /** The page of {@code events} (all of the stream, oldest first) with each event's state after it. */
    public static Page page(List<? extends DomainEventMessage<?>> events, Supplier<Fold> fold, int page,
                            int size) {
        Fold state = fold.get();
        long first = (long) page * size;
        List<AuditedEvent> content = new ArrayList<>();
        Iterator<? extends DomainEventMessage<?>> iterator = events.iterator();
        for (long index = 0; iterator.hasNext() && index < first + size; index++) {
            var event = iterator.next();
            state.apply(event);
            if (index >= first) {
                content.add(AuditedEvent.of(event, state.state()));
            }
        }
        return new Page(content, page, size, events.size(), (events.size() + size - 1) / size);
    }

    /** A fold over a state class that is applied with (payload, sequence number) and shown through a view. */
    public static <S> Supplier<Fold> folding(Supplier<S> newState, StateApplier<S> applier, Function<S, ?> view) {
        return () -> {
            S state = newState.get();
            return new Fold() {
                @Override
                public void apply(DomainEventMessage<?> event) {
                    applier.apply(state, event);
                }

                @Override
                public Object state() {
                    return view.apply(state);
                }
            };
        };
    }

    @FunctionalInterface
    public interface StateApplier<S> {
        void apply(S state, DomainEventMessage<?> event);
    }
}
