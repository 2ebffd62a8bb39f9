package org.subledger.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JDBC token store, which starts a shared processor where its groups were: the first time a shared processor
 * ({@link ProcessorTopology}) creates its tokens, in data that its groups' own processors already moved through, it
 * starts at the lowest of their positions instead of the beginning of the store. The groups that were further on
 * handle those events again; the read models are written to take a redelivered event without effect (upserts
 * guarded by the aggregate's version or sequence number, inserts that find the row do nothing; the one exception is
 * a bill run still running, whose billed and failed counts add up bills until its completion sets them). A group
 * that never ran makes the processor start from the beginning, as its own processor would have. The groups' own
 * token rows stay, so the version before this one starts where they left off.
 */
final class SharedProcessorTokenStore extends JdbcTokenStore {

    private final ProcessorTopology topology;
    private final ConnectionProvider connections;
    private final Serializer serializer;
    private final TokenSchema schema;

    SharedProcessorTokenStore(JdbcTokenStore.Builder builder, ProcessorTopology topology,
                              ConnectionProvider connections, Serializer serializer, TokenSchema schema) {
        super(builder);
        this.topology = topology;
        this.connections = connections;
        this.serializer = serializer;
        this.schema = schema;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        TrackingToken start = initialToken;
        if (topology.isShared(processorName)) {
            start = where(topology.groupsOf(processorName)).orElse(initialToken);
        }
        super.initializeTokenSegments(processorName, segmentCount, start);
    }

    /** The lowest position of the groups' own processors; empty when none of them ran; null for the beginning. */
    private Start where(List<String> groups) {
        String sql = "select " + schema.processorNameColumn() + ", " + schema.tokenColumn() + ", "
                + schema.tokenTypeColumn() + " from " + schema.tokenTable() + " where "
                + schema.processorNameColumn() + " = any (?)";
        List<TrackingToken> tokens = new ArrayList<>();
        Set<String> ran = new HashSet<>();
        boolean fromTheBeginning = false;
        try {
            Connection connection = connections.getConnection();
            try (var statement = connection.prepareStatement(sql)) {
                Array names = connection.createArrayOf("varchar", groups.toArray());
                statement.setArray(1, names);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ran.add(rows.getString(1));
                        byte[] bytes = rows.getBytes(2);
                        TrackingToken token = bytes == null ? null : serializer.deserialize(
                                new SimpleSerializedObject<>(bytes, byte[].class, rows.getString(3), null));
                        if (token == null) {
                            fromTheBeginning = true;
                        } else {
                            tokens.add(token);
                        }
                    }
                }
            } finally {
                // a connection of the surrounding transaction stays open; a plain one is closed
                connection.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the tokens of the groups " + groups, e);
        }
        if (ran.isEmpty()) {
            return Start.NONE;
        }
        if (fromTheBeginning || ran.size() < groups.size()) {
            return new Start(true, null);
        }
        return new Start(true, tokens.stream().reduce(TrackingToken::lowerBound).orElse(null));
    }

    private record Start(boolean found, TrackingToken token) {
        static final Start NONE = new Start(false, null);

        TrackingToken orElse(TrackingToken otherwise) {
            return found ? token : otherwise;
        }
    }
}
