package org.subledger.projection.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.processing.EventIsolation;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The batching a projection relies on, in the kind of unit of work a streaming processor hands it. */
class UnitOfWorkBufferTest {

    private final List<List<String>> flushed = new ArrayList<>();
    private final UnitOfWorkBuffer<List<String>> buffer =
            new UnitOfWorkBuffer<>("test.buffer", ArrayList::new, flushed::add);

    @Test
    void writesAWholeBatchOnceJustBeforeItCommits() throws Exception {
        var unitOfWork = new BatchingUnitOfWork<>(List.of(tracked("a", 1), tracked("b", 2), tracked("c", 3)));

        unitOfWork.executeWithResult(() -> {
            buffer.add(rows -> rows.add((String) unitOfWork.getMessage().getPayload()));
            assertThat(flushed).isEmpty();
            return null;
        });

        assertThat(flushed).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void writesNothingWhenTheBatchRollsBack() {
        var unitOfWork = new BatchingUnitOfWork<>(List.of(tracked("a", 1), tracked("b", 2)));

        try {
            unitOfWork.executeWithResult(() -> {
                buffer.add(rows -> rows.add((String) unitOfWork.getMessage().getPayload()));
                if (unitOfWork.getMessage().getPayload().equals("b")) {
                    throw new IllegalStateException("the batch fails");
                }
                return null;
            });
        } catch (Exception expected) {
            // the unit of work rolls back and rethrows
        }

        assertThat(flushed).isEmpty();
    }

    @Test
    void writesEachEventAtOnceWhileTheBatchIsHandledInIsolation() throws Exception {
        var unitOfWork = new BatchingUnitOfWork<>(List.of(tracked("a", 1), tracked("b", 2)));
        unitOfWork.resources().put(EventIsolation.RESOURCE_KEY, Boolean.TRUE);

        unitOfWork.executeWithResult(() -> {
            String payload = (String) unitOfWork.getMessage().getPayload();
            buffer.add(rows -> rows.add(payload));
            // within the handler, so that a failing write fails this event and no other
            assertThat(flushed).last().isEqualTo(List.of(payload));
            return null;
        });

        assertThat(flushed).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void writesAtOnceWithoutAUnitOfWork() {
        buffer.add(rows -> rows.add("alone"));

        assertThat(flushed).containsExactly(List.of("alone"));
    }

    private static EventMessage<String> tracked(String payload, long position) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.<String>asEventMessage(payload));
    }
}
