package org.subledger.command.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.command.eventstore.AggregateIds;
import org.subledger.kernel.catalog.AdditiveDiscountAmended;
import org.subledger.kernel.catalog.AdditiveDiscountCreated;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.catalog.DiscountType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog's auto-apply discount definitions, as billing reads them: the additive discounts' ids listed from the
 * event store with the last sequence number of each (one index range query), and each definition folded from its
 * stream only when that number moved. A usage bill (a prepaid subscription bills every record) so costs one query,
 * not one stream read per definition; and it is as consistent as reading every stream.
 */
@Component
class AutoApplyDiscounts {

    private static final String PREFIX = CatalogIds.additiveDiscount("");

    private final EventStore eventStore;
    private final AggregateIds aggregateIds;
    /** Definitions by aggregate id, with the last sequence number they were folded at; a handful of entries. */
    private final Map<String, Folded> folded = new ConcurrentHashMap<>();

    AutoApplyDiscounts(@Lazy EventStore eventStore, AggregateIds aggregateIds) {
        this.eventStore = eventStore;
        this.aggregateIds = aggregateIds;
    }

    private record Folded(long lastSequence, Optional<AdditiveDiscountDefinition> definition) {
    }

    /** EFFECTIVE, AUTO_APPLY, for SUBSCRIPTIONS, in code order. */
    List<AdditiveDiscountDefinition> effective() {
        return effective(DiscountClassification.SUBSCRIPTIONS);
    }

    /** EFFECTIVE, AUTO_APPLY, for subscriptions or for jobs, in code order. */
    List<AdditiveDiscountDefinition> effective(DiscountClassification classification) {
        List<AdditiveDiscountDefinition> effective = new ArrayList<>();
        aggregateIds.lastSequenceNumbersStartingWith(PREFIX).forEach((id, lastSequence) -> definition(id, lastSequence)
                .filter(d -> d.state() == DefinitionState.EFFECTIVE && d.type() == DiscountType.AUTO_APPLY
                        && d.classification() == classification)
                .ifPresent(effective::add));
        return effective;
    }

    private Optional<AdditiveDiscountDefinition> definition(String aggregateId, Long lastSequence) {
        Folded known = folded.get(aggregateId);
        if (lastSequence != null && known != null && known.lastSequence() == lastSequence) {
            return known.definition();
        }
        AdditiveDiscountDefinition latest = null;
        long last = -1;
        var events = eventStore.readEvents(aggregateId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            last = message.getSequenceNumber();
            if (message.getPayload() instanceof AdditiveDiscountCreated created) {
                latest = created.definition();
            } else if (message.getPayload() instanceof AdditiveDiscountAmended amended) {
                latest = amended.definition();
            }
        }
        Optional<AdditiveDiscountDefinition> definition = Optional.ofNullable(latest);
        folded.put(aggregateId, new Folded(last, definition));
        return definition;
    }
}
