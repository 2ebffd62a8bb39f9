package org.subledger.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The event insert writes what Axon's writes, serialising a run of equal metadata once. */
class EventAppendStatementTest {

    record Noticed(String thing) {
    }

    private final EventSchema schema = EventSchema.builder().build();
    private final TimestampWriter timestamps = (statement, index, timestamp) ->
            statement.setString(index, timestamp.toString());

    private final List<EventMessage<?>> batch = List.of(
            event(0, Map.of("principal", "alice", "correlationId", "c-1")),
            event(1, Map.of("principal", "alice", "correlationId", "c-1")),
            event(2, Map.of("principal", "alice", "correlationId", "c-1")),
            event(3, Map.of("principal", "bob", "correlationId", "c-2")),
            new GenericEventMessage<>(new Noticed("not a domain event"), Map.of("principal", "bob", "correlationId",
                    "c-2")));

    @Test
    void writesTheSameRowsAsAxonsStatement() throws Exception {
        PreparedStatement ours = build(StorageJson.serializer(), (connection, serializer) ->
                new EventAppendStatement().build(connection, schema, String.class, batch, serializer, timestamps));
        PreparedStatement axons = build(StorageJson.serializer(), (connection, serializer) ->
                JdbcEventStorageEngineStatements.appendEvents(connection, schema, String.class, batch, serializer,
                        timestamps));

        assertThat(calls(ours)).isEqualTo(calls(axons)).hasSize(batch.size() * 10);
    }

    @Test
    void serialisesEqualMetadataOfConsecutiveEventsOnce() throws Exception {
        Serializer serializer = spy(StorageJson.serializer());

        build(serializer, (connection, s) ->
                new EventAppendStatement().build(connection, schema, String.class, batch, s, timestamps));

        verify(serializer, times(2)).serialize(argThat(object -> object instanceof MetaData), any());
    }

    private interface Builder {
        PreparedStatement build(Connection connection, Serializer serializer) throws Exception;
    }

    private static PreparedStatement build(Serializer serializer, Builder builder) throws Exception {
        Connection connection = mock(Connection.class);
        PreparedStatement statement = mock(PreparedStatement.class);
        when(connection.prepareStatement(anyString())).thenReturn(statement);
        assertThat(builder.build(connection, serializer)).isSameAs(statement);
        return statement;
    }

    private static List<String> calls(PreparedStatement statement) {
        return mockingDetails(statement).getInvocations().stream()
                .map(Invocation::toString)
                .map(call -> call.replaceAll("\\s+", " "))
                .map(call -> call.replaceAll(" -> at .*", ""))
                .toList();
    }

    private static EventMessage<?> event(long sequence, Map<String, String> metaData) {
        // a new MetaData instance per event, as a unit of work gives each event
        return new GenericDomainEventMessage<>("Thing", "thing-1", sequence, new Noticed("lamp " + sequence),
                MetaData.from(metaData), "event-" + sequence, Instant.parse("2026-12-02T16:00:00Z").plusMillis(sequence));
    }

}
