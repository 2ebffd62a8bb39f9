package org.subledger.command.charging;

import org.subledger.kernel.subscription.BehaviourCode;

/**
 * An event-based billing policy: when a subscription action of behaviour {@code trigger} happens, charge the account
 * one unit of {@code product}, priced in {@code pricePlan} ({@code null}: the subscription's own price plan) at the
 * version in force on the action's date, as often as {@code recurrence} allows. {@code name} keys the charge's posting
 * id; left out, it is {@code trigger:product}. Renaming a rule changes its posting ids: a rule in use keeps its name.
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

    /** The default rule: a start-up fee, once, when a customer becomes a subscriber. */
    public static EventChargeRule startUpFee() {
        return new EventChargeRule("start-up-fee", BehaviourCode.BECOME_SUBSCRIBER, "START-UP-FEE", null,
                ChargeRecurrence.ONCE_PER_SUBSCRIPTION);
    }
}
