package org.subledger.command.charging;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.ChargeRecurrence;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.EventChargeRuleAmended;
import org.subledger.kernel.catalog.EventChargeRuleCreated;
import org.subledger.kernel.catalog.EventChargeRuleDefinition;
import org.subledger.kernel.subscription.BehaviourCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The charging process reads the catalog's rules as recorded: a rule defined or retired counts at once. */
class EventStoreEventChargeRuleBookTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private long sequence = 0;

    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static EventChargeRuleDefinition usageFee(DefinitionState state) {
        return new EventChargeRuleDefinition("PER-RECORD", "Per record", BehaviourCode.RECORD_USAGE, "PPV-MOVIES",
                null, ChargeRecurrence.EVERY_TIME, state);
    }

    private void record(Object payload) {
        store.publish(new GenericDomainEventMessage<>("EventChargeRules", CatalogIds.EVENT_CHARGE_RULES,
                sequence++, payload));
    }

    @Test
    void rulesAreTheEffectiveOnesAsRecordedAtTheMomentOfTheQuestion() {
        var clock = new ManualClock();
        var book = new EventStoreEventChargeRuleBook(store, clock);
        assertThat(book.rules()).isEmpty();

        record(new EventChargeRuleCreated(usageFee(DefinitionState.EFFECTIVE)));
        assertThat(book.rules()).extracting(EventChargeRule::name).containsExactly("per-record");

        record(new EventChargeRuleAmended(usageFee(DefinitionState.INACTIVE)));
        assertThat(book.rules()).as("retired at once, within the same second").isEmpty();
    }

    @Test
    void theUsageFilterMayLagTheCatalogByAMomentAndNoMore() {
        var clock = new ManualClock();
        var book = new EventStoreEventChargeRuleBook(store, clock);
        assertThat(book.mayCharge(BehaviourCode.RECORD_USAGE)).isFalse();

        record(new EventChargeRuleCreated(usageFee(DefinitionState.EFFECTIVE)));
        assertThat(book.mayCharge(BehaviourCode.RECORD_USAGE)).as("within the moment: not looked at yet").isFalse();
        clock.now = clock.now.plus(EventStoreEventChargeRuleBook.RECHECK).plus(Duration.ofMillis(1));
        assertThat(book.mayCharge(BehaviourCode.RECORD_USAGE)).isTrue();
        assertThat(book.mayCharge(BehaviourCode.ACTIVATE)).isFalse();
    }
}
