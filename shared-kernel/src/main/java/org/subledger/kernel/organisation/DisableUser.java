package org.subledger.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Refuse a user's sign-ins and API keys from now on. */
public record DisableUser(String userName) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OrganisationIds.user(userName);
    }
}
