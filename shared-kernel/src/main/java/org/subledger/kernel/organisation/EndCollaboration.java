package org.subledger.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End the collaboration of unit {@code code} with unit {@code with}. */
public record EndCollaboration(String code, String with) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OrganisationIds.unit(code);
    }
}
