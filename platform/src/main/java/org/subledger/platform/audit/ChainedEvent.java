package org.subledger.platform.audit;

import org.springframework.jdbc.core.RowMapper;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One row of the event table as the chain sees it. Its canonical bytes are every column, in a fixed order, each
 * length-prefixed (a text as its UTF-8 bytes after a 4-byte length, -1 for null; a number as 8 bytes big-endian), so
 * no two different rows can give the same bytes. The global index is included: moving an event to another place
 * of the store is a change too.
 */
record ChainedEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                    String type, String timeStamp, String payloadType, String payloadRevision, String payload,
                    String metaData) {

    /** The columns, in canonical order, as {@code e.…}. */
    static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number,"
            + " e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";

    static final RowMapper<ChainedEvent> ROWS = (rows, n) -> read(rows, 1);

    /** Reads the {@link #COLUMNS} starting at column {@code first}; null when the row has no event (outer join). */
    static ChainedEvent read(java.sql.ResultSet rows, int first) throws java.sql.SQLException {
        String eventIdentifier = rows.getString(first + 1);
        if (eventIdentifier == null) {
            return null;
        }
        return new ChainedEvent(rows.getLong(first), eventIdentifier, rows.getString(first + 2),
                rows.getLong(first + 3), rows.getString(first + 4), rows.getString(first + 5),
                rows.getString(first + 6), rows.getString(first + 7), rows.getString(first + 8),
                rows.getString(first + 9));
    }

    byte[] canonicalBytes() {
        var bytes = new ByteArrayOutputStream(256 + (payload == null ? 0 : payload.length())
                + (metaData == null ? 0 : metaData.length()));
        try (var out = new DataOutputStream(bytes)) {
            out.writeLong(globalIndex);
            text(out, eventIdentifier);
            text(out, aggregateIdentifier);
            out.writeLong(sequenceNumber);
            text(out, type);
            text(out, payloadType);
            text(out, payloadRevision);
            text(out, timeStamp);
            text(out, payload);
            text(out, metaData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
