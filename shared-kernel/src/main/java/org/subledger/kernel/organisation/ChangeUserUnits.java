package org.subledger.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Make a user a member of these units (at least one); the first is the unit it acts for. */
public record ChangeUserUnits(String userName, List<String> units) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return OrganisationIds.user(userName);
    }
}
