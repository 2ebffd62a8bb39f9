package org.subledger.command.catalog;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.catalog.AmendActivityType;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.CreateActivityType;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.catalog.ActivityTypeAmended;
import org.subledger.kernel.catalog.ActivityTypeCreated;
import org.subledger.kernel.catalog.ActivityTypeDefinition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A kind of activity and the one-time services it may deliver. */
@Aggregate
class ActivityType {

    @AggregateIdentifier
    private String id;
    private ActivityTypeDefinition definition;

    ActivityType() {
    }

    /** Whether it recorded the entry: false when the same definition was there already. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CreateActivityType command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        if (definition != null) {
            if (definition.equals(command.definition())) {
                return false;
            }
            throw CatalogRules.exists("activity type", definition.code());
        }
        apply(new ActivityTypeCreated(command.definition()));
        return true;
    }

    @CommandHandler
    void handle(AmendActivityType command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        if (!definition.equals(command.definition())) {
            apply(new ActivityTypeAmended(command.definition()));
        }
    }

    ActivityTypeDefinition definition() {
        return definition;
    }

    private static void validate(ActivityTypeDefinition d, CatalogLookup catalog) {
        CatalogRules.check().code(d.code()).required(d.name(), "name").orRefuse("The activity type");
        var rules = CatalogRules.check();
        d.allowedServices().forEach(code -> rules.rule(catalog.typeOfProduct(code)
                .filter(type -> type.serviceType() == ServiceType.ONE_TIME).isPresent(), "allowedServices",
                code + " is not a one-time service"));
        d.serviceTerms().forEach(terms -> rules.rule(d.allowedServices().contains(terms.productCode())
                && terms.minimumMinutes() >= 0, "serviceTerms", terms.productCode()
                + " has terms but is not an allowed service, or a negative minimum time"));
        rules.orRefuseAsRule("The activity type " + d.code());
    }

    @EventSourcingHandler
    void on(ActivityTypeCreated event) {
        id = CatalogIds.activityType(event.definition().code());
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(ActivityTypeAmended event) {
        definition = event.definition();
    }
}
