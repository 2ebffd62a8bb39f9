package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;
import org.subledger.kernel.subscription.BehaviourCode;

/**
 * An event-based billing policy of the catalog: when a subscription action of behaviour {@code trigger} happens,
 * charge the account one unit of {@code productCode}, priced in {@code pricePlanCode} ({@code null}: the
 * subscription's own price plan) at the version in force on the action's date, as often as {@code recurrence}
 * allows, while the rule is EFFECTIVE. The code keys the charges' posting ids (in lower case), so it never changes.
 */
public record EventChargeRuleDefinition(String code,
                                        @Name String name,
                                        BehaviourCode trigger,
                                        String productCode,
                                        String pricePlanCode,
                                        ChargeRecurrence recurrence,
                                        DefinitionState state) {
}
