package org.subledger.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.JobBillingMoment;
import org.subledger.kernel.catalog.JobTypeAmended;
import org.subledger.kernel.catalog.JobTypeCreated;
import org.subledger.kernel.catalog.JobTypeDefinition;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A job type stored before job types stated their billing moment reads back billed on completion. */
class JobTypeBillingMomentUpcasterTest {

    private final Serializer serializer = StorageJson.serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new JobTypeBillingMomentUpcaster());

    /** As revision 1 wrote it: no billing moment. */
    private static final String REVISION_1 = """
            {"definition":{"code":"REPAIR","name":"Repair","allowedProducts":["DECODER","ROUTER"]}}""";

    @Test
    void aRevisionOneJobTypeIsUpcastAndBilledOnCompletion() {
        for (Class<?> type : List.of(JobTypeCreated.class, JobTypeAmended.class)) {
            Object event = read(type, "1", REVISION_1);

            JobTypeDefinition definition = event instanceof JobTypeCreated created ? created.definition()
                    : ((JobTypeAmended) event).definition();
            assertThat(definition).isEqualTo(new JobTypeDefinition("REPAIR", "Repair", List.of("DECODER", "ROUTER"),
                    JobBillingMoment.ON_COMPLETION));
        }
    }

    @Test
    void aRevisionTwoJobTypeKeepsItsBillingMoment() {
        String byRun = REVISION_1.replace("\"allowedProducts\"", "\"billingMoment\":\"BILL_RUN\",\"allowedProducts\"");

        var event = (JobTypeCreated) read(JobTypeCreated.class, "2", byRun);

        assertThat(event.definition().billingMoment()).isEqualTo(JobBillingMoment.BILL_RUN);
    }

    private Object read(Class<?> type, String revision, String payload) {
        var stored = new GenericDomainEventEntry<>("JobType", "job-type:REPAIR", 0, "event-1",
                Instant.parse("2026-01-01T00:00:00Z"), type.getName(), revision, payload, "{}");
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, upcasters).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }
}
