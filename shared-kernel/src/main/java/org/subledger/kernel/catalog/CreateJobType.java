package org.subledger.kernel.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a job type to the catalog; its code must be new. */
public record CreateJobType(JobTypeDefinition definition) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CatalogIds.jobType(definition.code());
    }
}
