package org.subledger.command.catalog;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.catalog.AmendSubscriptionType;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.CreateSubscriptionType;
import org.subledger.kernel.catalog.SubscriptionTypeAmended;
import org.subledger.kernel.catalog.SubscriptionTypeCreated;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An offering: which schemes, providers and products its subscriptions may use. */
@Aggregate
class SubscriptionType {

    @AggregateIdentifier
    private String id;
    private SubscriptionTypeDefinition definition;

    SubscriptionType() {
    }

    /** Whether it recorded the entry: false when the same definition was there already. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CreateSubscriptionType command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        if (definition != null) {
            if (definition.equals(command.definition())) {
                return false;
            }
            throw CatalogRules.exists("subscription type", definition.code());
        }
        apply(new SubscriptionTypeCreated(command.definition()));
        return true;
    }

    @CommandHandler
    void handle(AmendSubscriptionType command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        if (!definition.equals(command.definition())) {
            apply(new SubscriptionTypeAmended(command.definition()));
        }
    }

    SubscriptionTypeDefinition definition() {
        return definition;
    }

    private static void validate(SubscriptionTypeDefinition d, CatalogLookup catalog) {
        CatalogRules.check().code(d.code()).required(d.name(), "name").orRefuse("The subscription type");
        var rules = CatalogRules.check();
        d.allowedBillingTermSchemes().forEach(code -> rules.rule(catalog.billingTermSchemeExists(code),
                "allowedBillingTermSchemes", code + " is not a billing term scheme"));
        d.allowedProviders().forEach(code -> rules.rule(catalog.providerExists(code), "allowedProviders",
                code + " is not a provider"));
        d.allowedProducts().forEach(code -> rules.rule(catalog.product(code).isPresent(), "allowedProducts",
                code + " is not a product"));
        rules.orRefuseAsRule("The subscription type " + d.code());
    }

    @EventSourcingHandler
    void on(SubscriptionTypeCreated event) {
        id = CatalogIds.subscriptionType(event.definition().code());
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(SubscriptionTypeAmended event) {
        definition = event.definition();
    }
}
