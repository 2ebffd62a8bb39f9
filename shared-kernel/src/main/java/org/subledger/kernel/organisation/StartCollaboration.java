package org.subledger.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let the members of unit {@code code} see and select what the members of unit {@code with} may. */
public record StartCollaboration(String code, String with) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OrganisationIds.unit(code);
    }
}
