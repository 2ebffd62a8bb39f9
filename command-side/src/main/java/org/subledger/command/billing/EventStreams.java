package org.subledger.command.billing;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the event streams of many aggregates in one query (a bill run reads hundreds of subscriptions and accounts
 * at once instead of one round trip each), upcast and deserialised exactly as Axon's own event store does it. A
 * consistent read of the event store, never of a projection.
 */
@Component
class EventStreams {

    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;
    private final ObjectProvider<Configuration> axonConfiguration;

    EventStreams(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer,
                 ObjectProvider<Configuration> axonConfiguration) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
        this.axonConfiguration = axonConfiguration;
    }

    /** Each aggregate's events in order (an aggregate without events is absent from the map). */
    Map<String, List<DomainEventMessage<?>>> read(Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return new HashMap<>();
        }
        return read(connection -> {
            var statement = connection.prepareStatement("""
                    select type, aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type,
                           payload_revision, payload, meta_data
                    from domain_event_entry where aggregate_identifier = any (?)
                    order by aggregate_identifier, sequence_number""");
            statement.setArray(1, connection.createArrayOf("varchar", aggregateIds.toArray()));
            statement.setFetchSize(2_000);
            return statement;
        });
    }

    /**
     * Each aggregate's events after the sequence number given for it ({@code -1}: all of them), in order; an
     * aggregate without such events is absent from the map. One index range per aggregate: what a reader that kept
     * an earlier fold still has to read.
     */
    Map<String, List<DomainEventMessage<?>>> readAfter(Map<String, Long> after) {
        if (after.isEmpty()) {
            return new HashMap<>();
        }
        List<String> ids = new ArrayList<>(after.keySet());
        Long[] sequences = ids.stream().map(after::get).toArray(Long[]::new);
        return read(connection -> {
            var statement = connection.prepareStatement("""
                    select e.type, e.aggregate_identifier, e.sequence_number, e.event_identifier, e.time_stamp,
                           e.payload_type, e.payload_revision, e.payload, e.meta_data
                    from unnest(?::varchar[], ?::bigint[]) as kept(id, last)
                    join domain_event_entry e on e.aggregate_identifier = kept.id and e.sequence_number > kept.last
                    order by e.aggregate_identifier, e.sequence_number""");
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            statement.setArray(2, connection.createArrayOf("bigint", sequences));
            statement.setFetchSize(2_000);
            return statement;
        });
    }

    /**
     * The event stored under this identifier, as it was published: an event on no aggregate's stream (its row's
     * aggregate identifier is its own identifier) comes back as an event of no aggregate.
     */
    Optional<EventMessage<?>> event(String eventIdentifier) {
        // such an event's row has no aggregate type, which Axon's reading of an aggregate's stream requires
        return read(connection -> {
            var statement = connection.prepareStatement("""
                    select coalesce(type, ''), aggregate_identifier, sequence_number, event_identifier, time_stamp,
                           payload_type, payload_revision, payload, meta_data
                    from domain_event_entry where event_identifier = ?""");
            statement.setString(1, eventIdentifier);
            return statement;
        }).values().stream().flatMap(List::stream).findFirst().map(stored -> stored.getType().isEmpty()
                ? new GenericEventMessage<>(new GenericMessage<>(stored.getIdentifier(), stored.getPayload(),
                stored.getMetaData()), stored::getTimestamp)
                : stored);
    }

    private Map<String, List<DomainEventMessage<?>>> read(PreparedStatementCreator query) {
        Map<String, List<DomainEventMessage<?>>> streams = new HashMap<>();
        List<DomainEventData<?>> entries = new ArrayList<>();
        jdbc.query(query, row -> {
            entries.add(new GenericDomainEventEntry<>(row.getString(1), row.getString(2), row.getLong(3),
                    row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                    row.getString(9)));
        });
        var stream = EventStreamUtils.upcastAndDeserializeDomainEvents(entries.stream(), eventSerializer,
                axonConfiguration.getObject().upcasterChain());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            streams.computeIfAbsent(message.getAggregateIdentifier(), id -> new ArrayList<>()).add(message);
        }
        return streams;
    }
}
