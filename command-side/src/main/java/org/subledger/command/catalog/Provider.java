package org.subledger.command.catalog;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.catalog.AmendProvider;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.CreateProvider;
import org.subledger.kernel.catalog.ProviderAmended;
import org.subledger.kernel.catalog.ProviderCreated;
import org.subledger.kernel.catalog.ProviderDefinition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A provisioning provider (e.g. Nagra Media Live). */
@Aggregate
class Provider {

    @AggregateIdentifier
    private String id;
    private ProviderDefinition definition;

    Provider() {
    }

    /** Whether it recorded the entry: false when the same definition was there already. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CreateProvider command) {
        validate(command.definition());
        if (definition != null) {
            if (definition.equals(command.definition())) {
                return false;
            }
            throw CatalogRules.exists("provider", definition.code());
        }
        apply(new ProviderCreated(command.definition()));
        return true;
    }

    @CommandHandler
    void handle(AmendProvider command) {
        validate(command.definition());
        if (!definition.equals(command.definition())) {
            apply(new ProviderAmended(command.definition()));
        }
    }

    ProviderDefinition definition() {
        return definition;
    }

    private static void validate(ProviderDefinition d) {
        CatalogRules.check().code(d.code()).required(d.name(), "name").orRefuse("The provider");
    }

    @EventSourcingHandler
    void on(ProviderCreated event) {
        id = CatalogIds.provider(event.definition().code());
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(ProviderAmended event) {
        definition = event.definition();
    }
}
