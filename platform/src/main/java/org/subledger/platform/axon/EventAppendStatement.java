package org.subledger.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The event store's insert of a unit of work's events: Axon's own statement
 * ({@code JdbcEventStorageEngineStatements.appendEvents} of 4.13), except that an event whose metadata equals the
 * previous event's reuses its serialised form. The events of one command or one usage batch carry the same metadata
 * (principal, unit, correlation, trace), and Axon serialised it again for each of the 1,000 events of a batch.
 * Equal metadata writes equal JSON, so the stored rows are the same as Axon's.
 */
final class EventAppendStatement implements AppendEventsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") "
                + "VALUES (?,?,?,?,?,?,?,?,?)";
        PreparedStatement statement = connection.prepareStatement(sql);
        MetaData previousMetaData = null;
        SerializedObject<?> previousSerializedMetaData = null;
        for (EventMessage<?> eventMessage : events) {
            DomainEventMessage<?> event = asDomainEventMessage(eventMessage);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            MetaData metaData = event.getMetaData();
            if (previousSerializedMetaData == null || !metaData.equals(previousMetaData)) {
                previousSerializedMetaData = event.serializeMetaData(serializer, dataType);
                previousMetaData = metaData;
            }
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setObject(8, payload.getData());
            statement.setObject(9, previousSerializedMetaData.getData());
            statement.addBatch();
        }
        return statement;
    }

    /** As Axon's statement: an event that is not a domain event is stored with no aggregate (sequence 0). */
    private static DomainEventMessage<?> asDomainEventMessage(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent
                ? domainEvent
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
