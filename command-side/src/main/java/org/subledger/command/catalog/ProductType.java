package org.subledger.command.catalog;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.catalog.AmendProductType;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.CreateProductType;
import org.subledger.kernel.catalog.ProductTypeAmended;
import org.subledger.kernel.catalog.ProductTypeCreated;
import org.subledger.kernel.catalog.ProductTypeDefinition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A product type of the catalog: the behaviour (classification, service type, composition) its products inherit. */
@Aggregate
class ProductType {

    @AggregateIdentifier
    private String id;
    private ProductTypeDefinition definition;

    ProductType() {
    }

    /** Whether it recorded the entry: false when the same definition was there already. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CreateProductType command) {
        CatalogRules.validate(command.definition());
        if (definition != null) {
            if (definition.equals(command.definition())) {
                return false; // the same definition again: nothing to record
            }
            throw CatalogRules.exists("product type", definition.code());
        }
        apply(new ProductTypeCreated(command.definition()));
        return true;
    }

    @CommandHandler
    void handle(AmendProductType command) {
        CatalogRules.validate(command.definition());
        if (!definition.equals(command.definition())) {
            apply(new ProductTypeAmended(command.definition()));
        }
    }

    ProductTypeDefinition definition() {
        return definition;
    }

    @EventSourcingHandler
    void on(ProductTypeCreated event) {
        id = CatalogIds.productType(event.definition().code());
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(ProductTypeAmended event) {
        definition = event.definition();
    }
}
