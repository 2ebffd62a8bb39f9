package org.subledger.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a disabled user sign in again. */
public record EnableUser(String userName) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OrganisationIds.user(userName);
    }
}
