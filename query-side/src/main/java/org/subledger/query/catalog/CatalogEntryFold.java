package org.subledger.query.catalog;

import org.subledger.kernel.catalog.ProductRateSet;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * A catalog entry's stream folded for its audit trail: every catalog event that creates or amends an entry carries the
 * entry's whole new definition ({@code definition}), so the entry after an event is the last definition seen; a price
 * plan also gathers its price versions ({@link ProductRateSet}). The definition is found by the record component's
 * name rather than by a list of event types, so an entry kind added later is folded without a change here.
 */
final class CatalogEntryFold {

    /** The entry after an event: its definition and, for a price plan, every price version set so far. */
    record State(Object definition, List<ProductRateSet> priceVersions) {
    }

    private Object definition;
    private final List<ProductRateSet> versions = new ArrayList<>();

    void apply(Object payload) {
        if (payload instanceof ProductRateSet version) {
            versions.add(version);
            return;
        }
        Object next = component(payload, "definition");
        if (next != null) {
            definition = next;
        }
    }

    State state() {
        return new State(definition, List.copyOf(versions));
    }

    /** The code of the definition an event carries, or {@code null}. */
    static String codeOf(Object payload) {
        Object code = component(component(payload, "definition"), "code");
        return code == null ? null : code.toString();
    }

    /** The record component {@code name} of {@code record}, or {@code null} when it has none. */
    static Object component(Object record, String name) {
        if (record == null || !record.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + name + " of " + record.getClass(), e);
                }
            }
        }
        return null;
    }
}
