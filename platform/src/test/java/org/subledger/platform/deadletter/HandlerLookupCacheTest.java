package org.subledger.platform.deadletter;

import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.modelling.saga.SagaRepository;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class HandlerLookupCacheTest {

    @AllowReplay
    static final class Texts {
        final List<String> handled = new ArrayList<>();

        @EventHandler
        void on(String text) {
            handled.add(text);
        }
    }

    @DisallowReplay
    static final class Numbers {
        final List<Integer> handled = new ArrayList<>();

        @EventHandler
        void on(Integer number) {
            handled.add(number);
        }
    }

    private final Texts texts = new Texts();
    private final Numbers numbers = new Numbers();
    private final SimpleEventHandlerInvoker textGroup = spy(SimpleEventHandlerInvoker.builder()
            .eventHandlers(texts).build());
    private final SimpleEventHandlerInvoker numberGroup = spy(SimpleEventHandlerInvoker.builder()
            .eventHandlers(numbers).build());
    private final EventHandlerInvoker processor = HandlerLookupCache.of(
            new MultiEventHandlerInvoker(textGroup, numberGroup));

    @Test
    void eachGroupHandlesTheEventsItHandledBeforeAndNoOthers() throws Exception {
        processor.handle(GenericEventMessage.asEventMessage("call"), Segment.ROOT_SEGMENT);
        processor.handle(GenericEventMessage.asEventMessage(7), Segment.ROOT_SEGMENT);
        processor.handle(GenericEventMessage.asEventMessage(2.5), Segment.ROOT_SEGMENT);

        assertThat(texts.handled).containsExactly("call");
        assertThat(numbers.handled).containsExactly(7);
        assertThat(processor.canHandle(GenericEventMessage.asEventMessage("sms"), Segment.ROOT_SEGMENT)).isTrue();
        assertThat(processor.canHandle(GenericEventMessage.asEventMessage(2.5), Segment.ROOT_SEGMENT)).isFalse();
        assertThat(processor.canHandleType(Long.class)).isFalse();
    }

    @Test
    void asksAGroupOnlyOnceWhetherItSupportsAReset() {
        for (int i = 0; i < 5; i++) {
            assertThat(processor.supportsReset()).isTrue();
        }
        var numbersGroupAlone = spy(SimpleEventHandlerInvoker.builder().eventHandlers(new Numbers()).build());
        var numbersAlone = HandlerLookupCache.of(numbersGroupAlone);
        for (int i = 0; i < 5; i++) {
            assertThat(numbersAlone.supportsReset()).isFalse();
        }

        verify(textGroup, times(1)).supportsReset();
        verify(numbersGroupAlone, times(1)).supportsReset();
    }

    @Test
    void asksAGroupOnceAboutAnEventTypeItHasNoHandlerFor() {
        for (int i = 0; i < 5; i++) {
            processor.canHandle(GenericEventMessage.asEventMessage(i), Segment.ROOT_SEGMENT);
        }

        verify(textGroup, times(1)).canHandleType(Integer.class);
        verify(textGroup, never()).canHandle(any(), any());
        verify(numberGroup, times(1)).canHandle(any(), any()); // the same shape each time: asked once
    }

    @Test
    void aProcessorGivesAnEventOnlyToTheGroupsWithAHandlerForItsTypeAndNoReplayToAGroupThatAllowsNone()
            throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(processor.canHandle(GenericEventMessage.asEventMessage(i), Segment.ROOT_SEGMENT)).isTrue();
            processor.handle(GenericEventMessage.asEventMessage(i), Segment.ROOT_SEGMENT);
        }
        assertThat(processor.canHandleType(Integer.class)).isTrue();
        assertThat(processor.canHandleType(Double.class)).isFalse();

        assertThat(numbers.handled).containsExactly(0, 1, 2, 3, 4);
        verify(textGroup, times(1)).canHandleType(Integer.class); // once for the processor, not once an event
        verify(textGroup, never()).supportsReset();
        verify(textGroup, never()).canHandle(any(), any());
        verify(textGroup, never()).handle(any(), any());

        // a replayed event reaches the groups that allow replays (texts), never the others (numbers), as in Axon
        var replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                new GlobalSequenceTrackingToken(5));
        var replayedNumber = new GenericTrackedEventMessage<>(replay, GenericEventMessage.asEventMessage(8));
        var replayedText = new GenericTrackedEventMessage<>(replay, GenericEventMessage.asEventMessage("fax"));
        assertThat(processor.canHandle(replayedNumber, Segment.ROOT_SEGMENT)).isFalse();
        assertThat(processor.canHandle(replayedText, Segment.ROOT_SEGMENT)).isTrue();
        processor.handle(replayedNumber, Segment.ROOT_SEGMENT);
        processor.handle(replayedText, Segment.ROOT_SEGMENT);
        assertThat(numbers.handled).containsExactly(0, 1, 2, 3, 4);
        assertThat(texts.handled).containsExactly("fax");
    }

    static final class Audited {
        final List<String> handled = new ArrayList<>();

        @EventHandler
        void on(String text, @MetaDataValue(value = "principal", required = true) String principal) {
            handled.add(text + " by " + principal);
        }
    }

    @Test
    void aGroupIsAskedAgainAboutAnEventWhoseMetadataHaveAnotherShape() throws Exception {
        var audited = new Audited();
        var group = spy(SimpleEventHandlerInvoker.builder().eventHandlers(audited).build());
        var cached = HandlerLookupCache.of(group);
        var anonymous = GenericEventMessage.<String>asEventMessage("call");
        var signed = GenericEventMessage.<String>asEventMessage("sms").andMetaData(Map.of("principal", "agent"));
        var signedWithANumber = GenericEventMessage.<String>asEventMessage("fax").andMetaData(Map.of("principal", 7));

        for (int i = 0; i < 3; i++) {
            assertThat(cached.canHandle(anonymous, Segment.ROOT_SEGMENT)).isFalse();
            assertThat(cached.canHandle(signed, Segment.ROOT_SEGMENT)).isTrue();
            assertThat(cached.canHandle(signedWithANumber, Segment.ROOT_SEGMENT)).isFalse();
        }
        cached.handle(signed, Segment.ROOT_SEGMENT);

        assertThat(audited.handled).containsExactly("sms by agent");
        verify(group, times(3)).canHandle(any(), any()); // once per shape
    }

    static final class Stamped {
        final List<String> handled = new ArrayList<>();

        @EventHandler
        void on(Integer number, @Timestamp Instant at, EventMessage<?> message) {
            handled.add(number + " at " + at);
        }
    }

    @Test
    void theMetadataOfAnEventThatNoHandlerOfItsTypeReadsAreNeitherReadNorPartOfItsShape() throws Exception {
        var audited = new Audited();
        var stamped = new Stamped();
        var group = spy(SimpleEventHandlerInvoker.builder().eventHandlers(audited, stamped).build());
        var cached = HandlerLookupCache.of(group);
        List<EventMessage<Integer>> numbers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> metaData = i % 2 == 0 ? Map.of("principal", "agent") : Map.of("unit", i);
            numbers.add(spy(GenericEventMessage.<Integer>asEventMessage(i).andMetaData(metaData)));
        }

        for (EventMessage<Integer> number : numbers) {
            assertThat(cached.canHandle(number, Segment.ROOT_SEGMENT)).isTrue();
        }
        verify(group, times(1)).canHandle(any(), any()); // metadata of two shapes, one answer
        for (EventMessage<Integer> number : numbers) {
            verify(number, never()).getMetaData();
        }
        // the same group's handler of texts reads metadata: texts are still told apart by them
        assertThat(cached.canHandle(GenericEventMessage.asEventMessage("call"), Segment.ROOT_SEGMENT)).isFalse();
        var signed = GenericEventMessage.<String>asEventMessage("sms").andMetaData(Map.of("principal", "agent"));
        assertThat(cached.canHandle(signed, Segment.ROOT_SEGMENT)).isTrue();
        verify(group, times(3)).canHandle(any(), any());

        cached.handle(numbers.get(1), Segment.ROOT_SEGMENT);
        cached.handle(signed, Segment.ROOT_SEGMENT);
        assertThat(stamped.handled).singleElement().asString().startsWith("1 at ");
        assertThat(audited.handled).containsExactly("sms by agent");
    }

    @Test
    void eachEventFallsInTheSegmentTheGroupsSequencingPolicyPutsItIn() {
        SequencingPolicy<EventMessage<?>> byText = event -> event.getPayload();
        var group = SimpleEventHandlerInvoker.builder().eventHandlers(new Texts()).sequencingPolicy(byText).build();
        var cached = HandlerLookupCache.of(group);
        Segment[] halves = Segment.ROOT_SEGMENT.split();

        for (String text : List.of("call", "sms", "fax", "page", "telex", "mail", "chat", "post")) {
            var event = GenericEventMessage.<String>asEventMessage(text);
            for (Segment half : halves) {
                assertThat(cached.canHandle(event, half)).as(text + " in " + half)
                        .isEqualTo(group.canHandle(event, half));
            }
            assertThat(cached.canHandle(event, halves[0])).isNotEqualTo(cached.canHandle(event, halves[1]));
        }
        var withoutAnIdentifier = GenericEventMessage.<String>asEventMessage("call");
        SequencingPolicy<EventMessage<?>> none = event -> null; // then the event's own id, as Axon does
        var byEvent = SimpleEventHandlerInvoker.builder().eventHandlers(new Texts()).sequencingPolicy(none).build();
        for (Segment half : halves) {
            assertThat(HandlerLookupCache.of(byEvent).canHandle(withoutAnIdentifier, half))
                    .isEqualTo(byEvent.canHandle(withoutAnIdentifier, half));
        }
    }

    public interface Call {
        String getCallId();
    }

    public record Called(String callId) implements Call {
        @Override
        public String getCallId() {
            return callId;
        }
    }

    public record Hung(String callId) {
        public String getCallId() {
            return callId;
        }
    }

    /** A saga with a handler by parameter type (an interface) and one by the annotation's payload type. */
    public static class CallSaga {
        @StartSaga
        @SagaEventHandler(associationProperty = "callId")
        public void on(Call call) {
        }

        @SagaEventHandler(associationProperty = "callId", payloadType = Hung.class)
        public void onHungUp() {
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void answersASagaAboutTheTypesItHasNoHandlerForWithoutAskingIt() {
        var saga = spy(AnnotatedSagaManager.<CallSaga>builder().sagaType(CallSaga.class)
                .sagaRepository(mock(SagaRepository.class)).build());
        EventHandlerInvoker processor = HandlerLookupCache.of(saga);

        for (int i = 0; i < 3; i++) {
            assertThat(processor.canHandle(GenericEventMessage.asEventMessage(2.5), Segment.ROOT_SEGMENT)).isFalse();
            assertThat(processor.canHandle(GenericEventMessage.asEventMessage(new Called("c1")),
                    Segment.ROOT_SEGMENT)).isTrue();
            assertThat(processor.canHandle(GenericEventMessage.asEventMessage(new Hung("c1")), Segment.ROOT_SEGMENT))
                    .isTrue();
        }
        assertThat(processor.canHandleType(Called.class)).isTrue();
        assertThat(processor.canHandleType(Hung.class)).isTrue();
        assertThat(processor.canHandleType(Long.class)).isFalse();
        assertThat(saga.canHandleType(Long.class)).as("Axon's own answer, which the cache narrows").isTrue();

        // the saga is asked about the events it has a handler for, as before, and never about the others
        verify(saga, times(6)).canHandle(any(), any());
        verify(saga, never()).canHandle(org.mockito.ArgumentMatchers.argThat(
                message -> message != null && message.getPayload() instanceof Double), any());
    }
}
