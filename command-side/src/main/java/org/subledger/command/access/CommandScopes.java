package org.subledger.command.access;

import org.axonframework.messaging.MetaData;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The access scope a command carries ({@link LedgerMetadata#ACCESS_SCOPE}), or {@code null} for the ledger's own
 * commands (sagas, schedules), which are allowed everything. In this JVM the metadata holds the {@link AccessScope}
 * itself; a command that crossed Axon Server was serialized, and its scope may arrive as a map of its components.
 */
public final class CommandScopes {

    private CommandScopes() {
    }

    public static AccessScope of(MetaData metaData) {
        return of(metaData == null ? null : metaData.get(LedgerMetadata.ACCESS_SCOPE));
    }

    static AccessScope of(Object value) {
        if (value == null || value instanceof AccessScope) {
            return (AccessScope) value;
        }
        if (value instanceof Map<?, ?> map) {
            return new AccessScope(text(map.get("principal")), text(map.get("actingUnit")), texts(map.get("units")),
                    bool(map.get("superUser")), bool(map.get("superReader")), texts(map.get("customerAccounts")));
        }
        // an unreadable scope must not open everything: it may change records of no unit only
        return new AccessScope(null, null, Set.of(), false, false, Set.of());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean flag ? flag : Boolean.parseBoolean(String.valueOf(value));
    }

    private static Set<String> texts(Object value) {
        Set<String> texts = new LinkedHashSet<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> texts.add(String.valueOf(item)));
        }
        return texts;
    }
}
