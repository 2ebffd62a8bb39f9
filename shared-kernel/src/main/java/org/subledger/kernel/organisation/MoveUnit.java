package org.subledger.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put a unit under another parent (null: make it a root); never under itself or one of its own descendants. */
public record MoveUnit(String code, String parent) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OrganisationIds.unit(code);
    }
}
