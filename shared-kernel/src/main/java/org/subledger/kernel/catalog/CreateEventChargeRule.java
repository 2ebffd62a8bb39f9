package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add an event charge rule to the catalog; its code must be new. */
public record CreateEventChargeRule(EventChargeRuleDefinition definition) {

    /** Every event charge rule lives in one catalog-level stream, which the charging process reads whole. */
    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.EVENT_CHARGE_RULES;
    }
}
