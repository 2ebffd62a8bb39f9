package org.subledger.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set up an organisational unit under an existing parent (none for a root); its code must be new. */
public record CreateUnit(String code, String name, UnitKind kind, String parent) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OrganisationIds.unit(code);
    }
}
