package org.subledger.command.billing;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.subledger.command.eventstore.AggregateIds;
import org.subledger.command.eventstore.StreamPositions;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.BillingTermSchemeAmended;
import org.subledger.kernel.catalog.BillingTermSchemeCreated;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.BillingTiming;
import org.subledger.kernel.catalog.CatalogIds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage bills' catalogs start from the entries earlier usage bills read, as long as those entries' streams have not
 * grown: the same catalog {@link BillingCatalogs#read()} would read, without reading it again.
 */
class BillingCatalogsTest {

    final CountingEngine engine = new CountingEngine();
    final EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    final AggregateIds aggregateIds = prefix -> List.of();
    /** How far each stream reaches, as the event store's index says it (without reading the stream). */
    final Map<String, Long> stored = new HashMap<>();
    final StreamPositions positions = ids -> {
        Map<String, Long> last = new HashMap<>(stored);
        last.keySet().retainAll(ids);
        return last;
    };
    final BillingCatalogs catalogs = new BillingCatalogs(eventStore, new AutoApplyDiscounts(eventStore, aggregateIds),
            positions);

    @AfterEach
    void stop() {
        eventStore.shutDown();
    }

    @Test
    void anEntryWhoseStreamHasNotGrownIsNotReadAgain() {
        store(0, new BillingTermSchemeCreated(scheme(20)));

        assertThat(catalogs.forUsageBill().billingTermScheme("PREPAID")).contains(scheme(20));
        assertThat(catalogs.forUsageBill().billingTermScheme("PREPAID")).contains(scheme(20));
        assertThat(catalogs.forUsageBill().billingTermScheme("PREPAID")).contains(scheme(20));

        assertThat(engine.reads).isEqualTo(1);
        assertThat(catalogs.read().billingTermScheme("PREPAID")).contains(scheme(20));
        assertThat(engine.reads).as("a bill run's catalog reads its own").isEqualTo(2);
    }

    @Test
    void anEntryAmendedOrCreatedSinceIsReadAfreshButACatalogKeepsWhatItHas() {
        var before = catalogs.forUsageBill();
        assertThat(before.billingTermScheme("PREPAID")).as("no such scheme yet").isEmpty();
        store(0, new BillingTermSchemeCreated(scheme(20)));

        var created = catalogs.forUsageBill();
        assertThat(created.billingTermScheme("PREPAID")).contains(scheme(20));
        store(1, new BillingTermSchemeAmended(scheme(5)));

        assertThat(catalogs.forUsageBill().billingTermScheme("PREPAID")).contains(scheme(5));
        assertThat(created.billingTermScheme("PREPAID")).as("read once per catalog, for its life").contains(scheme(20));
        assertThat(before.billingTermScheme("PREPAID")).isEmpty();
        assertThat(engine.reads).isEqualTo(3);
    }

    private void store(long sequence, Object event) {
        String id = CatalogIds.billingTermScheme("PREPAID");
        eventStore.publish(new GenericDomainEventMessage<>("BillingTermScheme", id, sequence, event));
        stored.put(id, sequence);
    }

    private static BillingTermSchemeDefinition scheme(int maxRecords) {
        return new BillingTermSchemeDefinition("PREPAID", "Prepaid", List.of(BillingFrequency.MONTHLY), 0, List.of(),
                null, false, false, BillingTiming.IN_ADVANCE, null, maxRecords, true, 14, null);
    }

    /** Counts the aggregate streams read. */
    static final class CountingEngine extends InMemoryEventStorageEngine {
        int reads;

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            reads++;
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    }
}
