package org.subledger.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Set;

/**
 * Set up a user of the ledger with its first password, already hashed at the edge ({@code {bcrypt}…}; null: none
 * yet, the user cannot sign in until one is set). The hash is never printed.
 */
public record CreateUser(String userName, String displayName, Set<String> roles, List<String> units,
                         boolean superUser, String passwordHash) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OrganisationIds.user(userName);
    }

    @Override
    public String toString() {
        return "CreateUser[userName=" + userName + ", displayName=" + displayName + ", roles=" + roles + ", units="
                + units + ", superUser=" + superUser + ", passwordHash=" + (passwordHash == null ? null : "***") + "]";
    }
}
