package org.subledger.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.ActivityServiceTerms;
import org.subledger.kernel.catalog.ActivityTypeAmended;
import org.subledger.kernel.catalog.ActivityTypeCreated;
import org.subledger.kernel.catalog.ActivityTypeDefinition;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** An activity type stored before its services had terms reads back with the default terms. */
class ActivityServiceTermsUpcasterTest {

    private final Serializer serializer = StorageJson.serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new ActivityServiceTermsUpcaster());

    /** As revision 1 wrote it: the definition has no {@code serviceTerms}. */
    private static final String REVISION_1 = """
            {"definition":{"code":"INSTALL","name":"Install equipment","allowedServices":["INSTALLATION"]}}""";

    @Test
    void aRevisionOneActivityTypeIsUpcastAndItsServicesGetTheDefaultTerms() {
        for (Class<?> type : List.of(ActivityTypeCreated.class, ActivityTypeAmended.class)) {
            Object event = read(type, "1", REVISION_1);

            ActivityTypeDefinition definition = event instanceof ActivityTypeCreated created
                    ? created.definition() : ((ActivityTypeAmended) event).definition();
            assertThat(definition.serviceTerms()).isEmpty();
            assertThat(definition.termsOf("INSTALLATION"))
                    .contains(new ActivityServiceTerms("INSTALLATION", 0, false, false));
        }
    }

    @Test
    void aRevisionTwoActivityTypeIsLeftAsStored() {
        String withTerms = REVISION_1.replace("[\"INSTALLATION\"]}", "[\"INSTALLATION\"],\"serviceTerms\":"
                + "[{\"productCode\":\"INSTALLATION\",\"minimumMinutes\":60,\"fixedTime\":false,\"mandatory\":true}]}");

        var event = (ActivityTypeCreated) read(ActivityTypeCreated.class, "2", withTerms);

        assertThat(event.definition().termsOf("INSTALLATION"))
                .contains(new ActivityServiceTerms("INSTALLATION", 60, false, true));
    }

    private Object read(Class<?> type, String revision, String payload) {
        var stored = new GenericDomainEventEntry<>("ActivityType", "activity-type:INSTALL", 0,
                "event-1", Instant.parse("2026-01-01T00:00:00Z"), type.getName(), revision, payload, "{}");
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, upcasters).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }
}
