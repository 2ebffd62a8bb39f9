package org.subledger.command.catalog;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.catalog.AdditiveDiscountAmended;
import org.subledger.kernel.catalog.AdditiveDiscountCreated;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.AmendAdditiveDiscount;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.CreateAdditiveDiscount;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An additive discount definition. Its type and classification are fixed once created: discounts already added
 * to subscriptions (or applied by billing) were given under them.
 */
@Aggregate
class AdditiveDiscount {

    @AggregateIdentifier
    private String id;
    private AdditiveDiscountDefinition definition;

    AdditiveDiscount() {
    }

    /** Whether it recorded the entry: false when the same definition was there already. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CreateAdditiveDiscount command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        if (definition != null) {
            if (definition.equals(command.definition())) {
                return false;
            }
            throw CatalogRules.exists("additive discount", definition.code());
        }
        apply(new AdditiveDiscountCreated(command.definition()));
        return true;
    }

    @CommandHandler
    void handle(AmendAdditiveDiscount command, CatalogLookup catalog) {
        var amended = command.definition();
        validate(amended, catalog);
        CatalogRules.check()
                .rule(amended.type() == definition.type(), "type", "cannot change once created")
                .rule(amended.classification() == definition.classification(), "classification",
                        "cannot change once created")
                .orRefuseAsRule("The additive discount " + definition.code());
        if (!definition.equals(amended)) {
            apply(new AdditiveDiscountAmended(amended));
        }
    }

    AdditiveDiscountDefinition definition() {
        return definition;
    }

    private static void validate(AdditiveDiscountDefinition d, CatalogLookup catalog) {
        DiscountRules.shape(d);
        DiscountRules.references(d, catalog);
    }

    @EventSourcingHandler
    void on(AdditiveDiscountCreated event) {
        id = CatalogIds.additiveDiscount(event.definition().code());
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(AdditiveDiscountAmended event) {
        definition = event.definition();
    }
}
