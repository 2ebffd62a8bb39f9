package org.subledger.platform.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** hash(n) = SHA-256(hash(n-1) || canonical bytes of event n); before position 1 stand 32 zero bytes. */
final class ChainHash {

    static final byte[] GENESIS = new byte[32];
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;

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

    static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    static byte[] parse(String hex) {
        return HEX.parseHex(hex);
    }
}
