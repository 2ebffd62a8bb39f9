package org.subledger.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a unit a new name. */
public record RenameUnit(String code, String name) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OrganisationIds.unit(code);
    }
}
