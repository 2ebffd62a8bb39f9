package org.subledger.kernel.catalog;

import java.util.List;
import java.util.Map;

/**
 * A condition: the attribute must have one of the values (e.g. account classification VIP). Conditions of a list
 * must all hold.
 */
public record Condition(ConditionAttribute attribute, List<String> values) {

    public Condition {
        values = List.copyOf(values == null ? List.of() : values);
    }

    public boolean holds(Map<ConditionAttribute, String> facts) {
        String fact = facts.get(attribute);
        return fact != null && values.contains(fact);
    }

    public static boolean allHold(List<Condition> conditions, Map<ConditionAttribute, String> facts) {
        return conditions == null || conditions.stream().allMatch(condition -> condition.holds(facts));
    }
}
