package org.subledger.command.access;

import org.axonframework.messaging.MetaData;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The access scope a command carries ({@link LedgerMetadata#ACCESS_SCOPE}), or {@code null} for the ledger's own
 * commands (sagas, schedules), which are allowed everything. In this JVM the metadata holds the {@link AccessScope}
 * itself; a command that crossed Axon Server was serialized, and its scope may arrive as a map of its components.
 */
public final class CommandScopes {

    private static final Pattern UNIT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_\\-]{0,63}");

    private CommandScopes() {
    }

    public static AccessScope of(MetaData metaData) {
        return of(metaData == null ? null : metaData.get(LedgerMetadata.ACCESS_SCOPE));
    }

    /**
     * The unit that will own a new record: the one asked for, when the user may act for it (a super user for any
     * unit, e.g. opening on behalf of a department), else the unit the user acts for ({@code null} without a scope).
     */
    public static String owningUnit(String requested, AccessScope scope) {
        if (requested == null || requested.isBlank()) {
            return scope == null ? null : scope.actingUnit();
        }
        String unit = requested.strip();
        if (!UNIT_CODE.matcher(unit).matches()) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "The owning unit is not a unit code",
                    Map.of("owningUnit", "must be a unit code such as SALES"));
        }
        if (scope != null && !scope.superUser() && !scope.units().contains(unit)) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "The owning unit is not one you act for",
                    Map.of("owningUnit", "is not a unit you act for"));
        }
        return unit;
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
