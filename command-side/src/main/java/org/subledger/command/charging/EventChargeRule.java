package org.subledger.command.charging;

import org.subledger.kernel.catalog.ChargeRecurrence;
import org.subledger.kernel.catalog.EventChargeRuleDefinition;
import org.subledger.kernel.subscription.BehaviourCode;

import java.util.Locale;

/**
 * An event charge rule as the charging process applies it (the catalog's {@link EventChargeRuleDefinition} while
 * EFFECTIVE): when a subscription action of behaviour {@code trigger} happens, charge the account one unit of
 * {@code product}, priced in {@code pricePlan} ({@code null}: the subscription's own price plan) at the version in
 * force on the action's date, as often as {@code recurrence} allows. {@code name} keys the charge's posting id: the
 * rule's code in lower case, as the rules configured by properties before them were named ({@code start-up-fee}).
 */
public record EventChargeRule(String name,
                              BehaviourCode trigger,
                              String product,
                              String pricePlan,
                              ChargeRecurrence recurrence) {

    public EventChargeRule {
        if (trigger == null || product == null || product.isBlank()) {
            throw new IllegalArgumentException("an event charge rule names its trigger and its product");
        }
        recurrence = recurrence == null ? ChargeRecurrence.EVERY_TIME : recurrence;
        name = name == null || name.isBlank() ? trigger + ":" + product : name.strip();
        pricePlan = pricePlan == null || pricePlan.isBlank() ? null : pricePlan;
    }

    static EventChargeRule of(EventChargeRuleDefinition definition) {
        return new EventChargeRule(definition.code().toLowerCase(Locale.ROOT), definition.trigger(),
                definition.productCode(), definition.pricePlanCode(), definition.recurrence());
    }

    /** The sample catalog's rule: a start-up fee, once, when a customer becomes a subscriber. */
    public static EventChargeRule startUpFee() {
        return new EventChargeRule("start-up-fee", BehaviourCode.BECOME_SUBSCRIBER, "START-UP-FEE", null,
                ChargeRecurrence.ONCE_PER_SUBSCRIPTION);
    }
}
