package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace an event charge rule that exists (same code), its state included. */
public record AmendEventChargeRule(EventChargeRuleDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.EVENT_CHARGE_RULES;
    }
}
