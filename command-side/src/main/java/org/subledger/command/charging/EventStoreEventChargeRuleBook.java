package org.subledger.command.charging;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.EventChargeRuleAmended;
import org.subledger.kernel.catalog.EventChargeRuleCreated;
import org.subledger.kernel.catalog.EventChargeRuleDefinition;
import org.subledger.kernel.subscription.BehaviourCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the catalog's stream of event charge rules ({@link CatalogIds#EVENT_CHARGE_RULES}) from the event store, not
 * from a projection. The fold is kept; each question looks up the stream's head (one indexed query) and refolds only
 * when the stream has grown, so a rule defined or retired a moment ago is the one an action is charged by.
 * {@link #mayCharge} spares even that query for {@link #RECHECK}, for the usage records' filter.
 */
@Component
class EventStoreEventChargeRuleBook implements EventChargeRuleBook {

    static final Duration RECHECK = Duration.ofSeconds(1);

    private record Folded(long headSequence, List<EventChargeRule> rules, Instant checkedAt) {
    }

    private final EventStore eventStore;
    private final Clock wallClock;
    private volatile Folded folded = new Folded(-2, List.of(), Instant.MIN);

    @Autowired
    EventStoreEventChargeRuleBook(@Lazy EventStore eventStore) {
        this(eventStore, Clock.systemUTC());
    }

    EventStoreEventChargeRuleBook(EventStore eventStore, Clock wallClock) {
        this.eventStore = eventStore;
        this.wallClock = wallClock;
    }

    @Override
    public List<EventChargeRule> rules() {
        return current().rules();
    }

    @Override
    public boolean mayCharge(BehaviourCode behaviour) {
        Folded recent = folded;
        List<EventChargeRule> rules = recent.checkedAt().plus(RECHECK).isAfter(wallClock.instant())
                ? recent.rules() : current().rules();
        return rules.stream().anyMatch(rule -> rule.trigger() == behaviour);
    }

    private Folded current() {
        Folded known = folded;
        long head = eventStore.lastSequenceNumberFor(CatalogIds.EVENT_CHARGE_RULES).orElse(-1L);
        Folded now = head == known.headSequence()
                ? new Folded(head, known.rules(), wallClock.instant()) : fold();
        folded = now;
        return now;
    }

    private Folded fold() {
        Instant checkedAt = wallClock.instant();
        Map<String, EventChargeRuleDefinition> definitions = new LinkedHashMap<>();
        long head = -1;
        var events = eventStore.readEvents(CatalogIds.EVENT_CHARGE_RULES, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            head = message.getSequenceNumber();
            if (message.getPayload() instanceof EventChargeRuleCreated created) {
                definitions.put(created.definition().code(), created.definition());
            } else if (message.getPayload() instanceof EventChargeRuleAmended amended) {
                definitions.put(amended.definition().code(), amended.definition());
            }
        }
        List<EventChargeRule> rules = definitions.values().stream()
                .filter(definition -> definition.state() == DefinitionState.EFFECTIVE)
                .map(EventChargeRule::of)
                .toList();
        return new Folded(head, rules, checkedAt);
    }
}
