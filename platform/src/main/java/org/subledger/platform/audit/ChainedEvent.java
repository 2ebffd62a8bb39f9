package org.subledger.platform.audit;

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
 *
 * <p>This record states the format and gives the tests their rows; the chainer and the verifier hash the rows as the
 * driver received them ({@link ChainHash#next(byte[], java.sql.ResultSet, int)}), to the same bytes.
 */
record ChainedEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                    String type, String timeStamp, String payloadType, String payloadRevision, String payload,
                    String metaData) {

    /** The columns, in canonical order, as {@code e.…}. */
    static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number,"
            + " e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";

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
