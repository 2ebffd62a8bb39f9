package org.subledger.platform.audit;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** hash(n) = SHA-256(hash(n-1) || canonical bytes of event n); before position 1 stand 32 zero bytes. */
final class ChainHash {

    static final byte[] GENESIS = new byte[32];
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private final byte[] prefix = new byte[8];

    ChainHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    byte[] next(byte[] previous, ChainedEvent event) {
        sha256.update(previous);
        sha256.update(event.canonicalBytes());
        return sha256.digest();
    }

    /**
     * The same link as {@link #next(byte[], ChainedEvent)}, fed straight from a row of {@link ChainedEvent#COLUMNS}
     * starting at column {@code first}: each text column as the raw bytes the driver received, which are its UTF-8
     * bytes (the driver always asks for client_encoding UTF8). No String and no canonical byte array is made per
     * event: decoding and re-encoding every payload was most of what verifying a large store cost.
     */
    byte[] next(byte[] previous, ResultSet rows, int first) throws SQLException {
        sha256.update(previous);
        number(rows.getLong(first));
        text(rows.getBytes(first + 1));
        text(rows.getBytes(first + 2));
        number(rows.getLong(first + 3));
        text(rows.getBytes(first + 4));
        text(rows.getBytes(first + 6));
        text(rows.getBytes(first + 7));
        text(rows.getBytes(first + 5));
        text(rows.getBytes(first + 8));
        text(rows.getBytes(first + 9));
        return sha256.digest();
    }

    private void number(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            prefix[7 - shift / 8] = (byte) (value >>> shift);
        }
        sha256.update(prefix, 0, 8);
    }

    private void text(byte[] utf8) {
        int length = utf8 == null ? -1 : utf8.length;
        for (int shift = 24; shift >= 0; shift -= 8) {
            prefix[3 - shift / 8] = (byte) (length >>> shift);
        }
        sha256.update(prefix, 0, 4);
        if (utf8 != null) {
            sha256.update(utf8);
        }
    }

    static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    static byte[] parse(String hex) {
        return HEX.parseHex(hex);
    }
}
