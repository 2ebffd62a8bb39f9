package org.subledger.platform.webhook;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.kernel.event.DomainEvent;
import org.subledger.platform.axon.StorageJson;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The webhooks group reads an event's type from its stored type name and deserialises it only for a subscriber. */
class WebhookEnqueuerTest {

    record ThingNoticed(String thing) implements DomainEvent {
    }

    private final Serializer serializer = spy(StorageJson.serializer());
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final WebhookEndpoints endpoints = mock(WebhookEndpoints.class);
    private final AnnotationEventHandlerAdapter handler =
            new AnnotationEventHandlerAdapter(new WebhookEnqueuer(jdbc, endpoints));
    private EventMessage<?> stored;

    @BeforeEach
    void storeAnEvent() {
        var payload = serializer.serialize(new ThingNoticed("a lamp"), byte[].class);
        var metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        stored = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(42),
                new GenericEventMessage<>(new SerializedMessage<>("event-1", payload, metaData, serializer),
                        () -> Instant.EPOCH));
        clearInvocations(serializer);
    }

    @Test
    void isNeverReplayed() {
        assertThat(handler.supportsReset()).as("a replay of the shared processor would enqueue old events").isFalse();
    }

    @Test
    void doesNotDeserialiseAnEventNoEndpointSubscribedTo() throws Exception {
        when(endpoints.subscribers("ThingNoticed")).thenReturn(List.of());

        assertThat(handler.canHandle(stored)).isTrue();
        handler.handle(stored);

        verify(serializer, never()).deserialize(any());
        verifyNoInteractions(jdbc);
    }

    @Test
    void deserialisesAndEnqueuesAnEventASubscriberWants() throws Exception {
        UUID endpoint = UUID.randomUUID();
        when(endpoints.subscribers("ThingNoticed")).thenReturn(List.of(new WebhookEndpoints.Subscriber(endpoint, 0)));

        handler.handle(stored);

        verify(serializer, atLeastOnce()).deserialize(any());
        verify(jdbc).update(anyString(), eq(endpoint), eq("event-1"), eq("ThingNoticed"),
                contains("\"thing\":\"a lamp\""));
    }

    @Test
    void skipsASubscriberWhoseEndpointStartsAfterTheEvent() throws Exception {
        when(endpoints.subscribers("ThingNoticed"))
                .thenReturn(List.of(new WebhookEndpoints.Subscriber(UUID.randomUUID(), 42)));

        handler.handle(stored);

        verify(serializer, never()).deserialize(any());
        verifyNoInteractions(jdbc);
    }
}
