package org.subledger.platform.security;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes and hashes API keys. A key is {@code sk_<environment>_} and 40 random alphanumerics (238 bits): far beyond
 * guessing, so a fast keyed hash (HMAC-SHA256, about a microsecond) protects the stored copy as well as bcrypt would
 * protect a password, without bcrypt's 100 ms on every request. The server secret keeps a stolen table useless.
 */
final class ApiKeySecret {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int RANDOM_CHARS = 40;
    static final int DISPLAY_CHARS = 4;

    private final SecureRandom random = new SecureRandom();
    private final String prefix;
    private final JdbcTemplate jdbc;
    private final String configuredSecret;
    private volatile SecretKeySpec hmacKey;
    /** A MAC per thread, keyed once: looking the algorithm up and keying it cost more than hashing a key. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    ApiKeySecret(String environment, String configuredSecret, JdbcTemplate jdbc) {
        this.prefix = "sk_" + environment + "_";
        this.configuredSecret = configuredSecret;
        this.jdbc = jdbc;
    }

    String prefix() {
        return prefix;
    }

    String newKey() {
        var key = new StringBuilder(prefix);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }

    /** What lists show of a key: its prefix and first characters, enough to tell keys apart, useless to an attacker. */
    String display(String key) {
        return key.substring(0, prefix.length() + DISPLAY_CHARS);
    }

    boolean looksLikeKey(String token) {
        return token.startsWith("sk_") && token.length() <= 64;
    }

    String hash(String key) {
        // doFinal leaves the MAC reset, keyed, ready for the next key
        return HexFormat.of().formatHex(macs.get().doFinal(key.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey());
            return mac;
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private SecretKeySpec hmacKey() {
        var key = hmacKey;
        if (key == null) {
            synchronized (this) {
                if (hmacKey == null) {
                    hmacKey = new SecretKeySpec(configuredSecret != null && !configuredSecret.isBlank()
                            ? configuredSecret.getBytes(StandardCharsets.UTF_8) : storedSecret(), "HmacSHA256");
                }
                key = hmacKey;
            }
        }
        return key;
    }

    private byte[] storedSecret() {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        // the first node to get here stores its secret; every node then uses that one
        jdbc.update("insert into api_key_hmac_secret (id, secret) values (1, ?) on conflict do nothing", fresh);
        return jdbc.queryForObject("select secret from api_key_hmac_secret where id = 1", byte[].class);
    }
}
