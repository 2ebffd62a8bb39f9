package org.subledger.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** Give a user these roles and super-user flag. */
public record ChangeUserRoles(String userName, Set<String> roles, boolean superUser) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OrganisationIds.user(userName);
    }
}
