package org.subledger.platform.audit;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain's hash is a published format: an outsider recomputes it from the event table with any SHA-256. These
 * two links were computed independently (a dozen lines of Python: each text a 4-byte big-endian length and its
 * UTF-8 bytes, -1 for null; numbers 8 bytes big-endian; order as in {@link ChainedEvent}).
 */
class ChainHashTest {

    static final ChainedEvent OPENED = new ChainedEvent(1, "e-1", "acc-1", 0, "Account", "2026-01-01T00:00:00Z",
            "org.subledger.kernel.account.AccountOpened", "1", "{\"name\":\"Maria Γεωργίου\"}",
            "{\"principal\":\"agent\"}");
    static final ChainedEvent CHARGED = new ChainedEvent(2, "e-2", "acc-1", 1, "Account", "2026-01-02T00:00:00Z",
            "org.subledger.kernel.account.ChargePosted", null, "{\"amount\":\"30.00\"}", null);

    @Test
    void linksAreSha256OfThePreviousHashAndTheCanonicalBytes() {
        var hashing = new ChainHash();
        byte[] first = hashing.next(ChainHash.GENESIS, OPENED);
        byte[] second = hashing.next(first, CHARGED);

        assertThat(ChainHash.hex(first)).isEqualTo("d4a8ffcf40eb31ca12420a45a45f6d826191f6a564dfc051aa2abfbef0f84a27");
        assertThat(ChainHash.hex(second))
                .isEqualTo("77beecb9ac5cf1fbc659b52cfd04b94b1772c069b48f01ccc520d21d83c07fc5");
    }

    @Test
    void theVerifiersRawRowGivesTheSameLinks() throws Exception {
        var hashing = new ChainHash();
        byte[] first = hashing.next(ChainHash.GENESIS, row(OPENED), 3);
        assertThat(ChainHash.hex(first)).isEqualTo("d4a8ffcf40eb31ca12420a45a45f6d826191f6a564dfc051aa2abfbef0f84a27");
        assertThat(ChainHash.hex(hashing.next(first, row(CHARGED), 3)))
                .isEqualTo("77beecb9ac5cf1fbc659b52cfd04b94b1772c069b48f01ccc520d21d83c07fc5");
    }

    /** A result set row with two other columns first and the event's columns from 3 on, texts as UTF-8 bytes. */
    private static ResultSet row(ChainedEvent event) {
        Object[] columns = {null, null, event.globalIndex(), event.eventIdentifier(), event.aggregateIdentifier(),
                event.sequenceNumber(), event.type(), event.timeStamp(), event.payloadType(), event.payloadRevision(),
                event.payload(), event.metaData()};
        return (ResultSet) Proxy.newProxyInstance(ChainHashTest.class.getClassLoader(),
                new Class<?>[]{ResultSet.class}, (proxy, method, arguments) -> {
                    Object value = columns[(Integer) arguments[0] - 1];
                    return switch (method.getName()) {
                        case "getLong" -> (Long) value;
                        case "getBytes" -> value == null ? null : ((String) value).getBytes(StandardCharsets.UTF_8);
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    @Test
    void everyColumnCountsAndNullIsNotEmpty() {
        var hashing = new ChainHash();
        String original = ChainHash.hex(hashing.next(ChainHash.GENESIS, CHARGED));
        var variants = new ChainedEvent[]{
                new ChainedEvent(3, "e-2", "acc-1", 1, "Account", "2026-01-02T00:00:00Z",
                        "org.subledger.kernel.account.ChargePosted", null, "{\"amount\":\"30.00\"}", null),
                new ChainedEvent(2, "e-2", "acc-1", 2, "Account", "2026-01-02T00:00:00Z",
                        "org.subledger.kernel.account.ChargePosted", null, "{\"amount\":\"30.00\"}", null),
                new ChainedEvent(2, "e-2", "acc-1", 1, "Account", "2026-01-02T00:00:01Z",
                        "org.subledger.kernel.account.ChargePosted", null, "{\"amount\":\"30.00\"}", null),
                new ChainedEvent(2, "e-2", "acc-1", 1, "Account", "2026-01-02T00:00:00Z",
                        "org.subledger.kernel.account.ChargePosted", "", "{\"amount\":\"30.00\"}", null),
                new ChainedEvent(2, "e-2", "acc-1", 1, "Account", "2026-01-02T00:00:00Z",
                        "org.subledger.kernel.account.ChargePosted", null, "{\"amount\":\"30.01\"}", null),
                new ChainedEvent(2, "e-2", "acc-1", 1, "Account", "2026-01-02T00:00:00Z",
                        "org.subledger.kernel.account.ChargePosted", null, "{\"amount\":\"30.00\"}", "{}"),
                // the same characters moved from one column to the next: the lengths keep them apart
                new ChainedEvent(2, "e-2a", "cc-1", 1, "Account", "2026-01-02T00:00:00Z",
                        "org.subledger.kernel.account.ChargePosted", null, "{\"amount\":\"30.00\"}", null)};
        for (var variant : variants) {
            assertThat(ChainHash.hex(hashing.next(ChainHash.GENESIS, variant))).as(variant.toString())
                    .isNotEqualTo(original);
        }
    }
}
