package org.subledger.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set (reset) a user's password, already hashed at the edge ({@code {bcrypt}…}); the hash is never printed. */
public record SetUserPassword(String userName, String passwordHash) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OrganisationIds.user(userName);
    }

    @Override
    public String toString() {
        return "SetUserPassword[userName=" + userName + ", passwordHash=***]";
    }
}
