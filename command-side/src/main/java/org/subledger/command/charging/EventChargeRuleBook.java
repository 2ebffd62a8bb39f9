package org.subledger.command.charging;

import org.subledger.kernel.subscription.BehaviourCode;

import java.util.List;

/** The catalog's event charge rules in force (see {@link EventStoreEventChargeRuleBook}). */
public interface EventChargeRuleBook {

    /** The EFFECTIVE rules, in the order they were defined, as recorded now. */
    List<EventChargeRule> rules();

    /**
     * Whether any EFFECTIVE rule charges for actions of this behaviour; may be up to a moment behind the catalog (it
     * filters high-volume events, where one query each would cost more than the charging it saves).
     */
    default boolean mayCharge(BehaviourCode behaviour) {
        return rules().stream().anyMatch(rule -> rule.trigger() == behaviour);
    }
}
