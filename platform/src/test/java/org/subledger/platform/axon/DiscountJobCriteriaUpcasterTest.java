package org.subledger.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.AdditiveDiscountAmended;
import org.subledger.kernel.catalog.AdditiveDiscountCreated;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.DiscountCriteria;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** An additive discount stored before job criteria existed reads back restricting no job. */
class DiscountJobCriteriaUpcasterTest {

    private final Serializer serializer = StorageJson.serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new DiscountJobCriteriaUpcaster());

    /** As revision 1 wrote it: the criteria have no {@code job} section. */
    private static final String REVISION_1 = """
            {"definition":{"code":"D5","name":"Late installation","type":"AUTO_APPLY","classification":"JOBS",
             "appliedServiceType":"NON_USAGE","state":"EFFECTIVE",
             "discount":{"kind":"AMOUNT","amount":{"amount":20.00,"currency":"EUR"}},
             "criteria":{"pricePlans":["STANDARD"]}}}""";

    @Test
    void aRevisionOneDefinitionIsUpcastAndItsCriteriaRestrictNoJob() {
        for (Class<?> type : List.of(AdditiveDiscountCreated.class, AdditiveDiscountAmended.class)) {
            Object event = read(type, "1", REVISION_1);

            AdditiveDiscountDefinition definition = event instanceof AdditiveDiscountCreated created
                    ? created.definition() : ((AdditiveDiscountAmended) event).definition();
            assertThat(definition.criteria().pricePlans()).containsExactly("STANDARD");
            assertThat(definition.criteria().job()).isEqualTo(DiscountCriteria.JobCriteria.ANY);
        }
    }

    @Test
    void aRevisionTwoDefinitionKeepsItsJobCriteria() {
        String late = REVISION_1.replace("\"criteria\":{", "\"criteria\":{\"job\":{\"completedLaterThanExpected\":true},");

        var event = (AdditiveDiscountCreated) read(AdditiveDiscountCreated.class, "2", late);

        assertThat(event.definition().criteria().job().completedLaterThanExpected()).isTrue();
    }

    private Object read(Class<?> type, String revision, String payload) {
        var stored = new GenericDomainEventEntry<>("AdditiveDiscount", "additive-discount:D5", 0,
                "event-1", Instant.parse("2026-01-01T00:00:00Z"), type.getName(), revision, payload, "{}");
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, upcasters).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }
}
