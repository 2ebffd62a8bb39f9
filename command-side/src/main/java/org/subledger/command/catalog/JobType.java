package org.subledger.command.catalog;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.catalog.AmendJobType;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.CreateJobType;
import org.subledger.kernel.catalog.ProductClassification;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.catalog.JobTypeAmended;
import org.subledger.kernel.catalog.JobTypeCreated;
import org.subledger.kernel.catalog.JobTypeDefinition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A kind of job and the expenses and physical goods it may sell. */
@Aggregate
class JobType {

    @AggregateIdentifier
    private String id;
    private JobTypeDefinition definition;

    JobType() {
    }

    /** Whether it recorded the entry: false when the same definition was there already. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CreateJobType command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        if (definition != null) {
            if (definition.equals(command.definition())) {
                return false;
            }
            throw CatalogRules.exists("job type", definition.code());
        }
        apply(new JobTypeCreated(command.definition()));
        return true;
    }

    @CommandHandler
    void handle(AmendJobType command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        if (!definition.equals(command.definition())) {
            apply(new JobTypeAmended(command.definition()));
        }
    }

    JobTypeDefinition definition() {
        return definition;
    }

    private static void validate(JobTypeDefinition d, CatalogLookup catalog) {
        CatalogRules.check().code(d.code()).required(d.name(), "name").orRefuse("The job type");
        var rules = CatalogRules.check();
        d.allowedProducts().forEach(code -> rules.rule(catalog.typeOfProduct(code)
                .filter(type -> type.classification() == ProductClassification.PHYSICAL_GOOD
                        || type.serviceType() == ServiceType.EXPENSE).isPresent(), "allowedProducts",
                code + " is not an expense or a physical good"));
        rules.orRefuseAsRule("The job type " + d.code());
    }

    @EventSourcingHandler
    void on(JobTypeCreated event) {
        id = CatalogIds.jobType(event.definition().code());
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(JobTypeAmended event) {
        definition = event.definition();
    }
}
