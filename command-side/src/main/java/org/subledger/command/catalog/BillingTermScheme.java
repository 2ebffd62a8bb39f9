package org.subledger.command.catalog;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.catalog.AmendBillingTermScheme;
import org.subledger.kernel.catalog.BillingTermSchemeAmended;
import org.subledger.kernel.catalog.BillingTermSchemeCreated;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.CreateBillingTermScheme;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Billing terms that subscriptions and jobs choose from: frequencies, binding, price plans, timing, usage limits. */
@Aggregate
class BillingTermScheme {

    @AggregateIdentifier
    private String id;
    private BillingTermSchemeDefinition definition;

    BillingTermScheme() {
    }

    /** Whether it recorded the entry: false when the same definition was there already. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CreateBillingTermScheme command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        if (definition != null) {
            if (definition.equals(command.definition())) {
                return false;
            }
            throw CatalogRules.exists("billing term scheme", definition.code());
        }
        apply(new BillingTermSchemeCreated(command.definition()));
        return true;
    }

    @CommandHandler
    void handle(AmendBillingTermScheme command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        if (!definition.equals(command.definition())) {
            apply(new BillingTermSchemeAmended(command.definition()));
        }
    }

    BillingTermSchemeDefinition definition() {
        return definition;
    }

    private static void validate(BillingTermSchemeDefinition scheme, CatalogLookup catalog) {
        CatalogRules.check().code(scheme.code()).required(scheme.name(), "name")
                .required(scheme.termedServiceTiming(), "termedServiceTiming")
                .rule(!scheme.billingFrequencies().isEmpty(), "billingFrequencies", "allows at least one frequency")
                .rule(scheme.bindingPeriodMonths() >= 0, "bindingPeriodMonths", "must be zero or more")
                .rule(scheme.maxUnbilledUsageAmount() == null || scheme.maxUnbilledUsageAmount().isPositive(),
                        "maxUnbilledUsageAmount", "must be positive")
                .rule(scheme.maxUnbilledUsageRecords() == null || scheme.maxUnbilledUsageRecords() > 0,
                        "maxUnbilledUsageRecords", "must be positive")
                .rule(scheme.paymentDueDays() == null || scheme.paymentDueDays() >= 0 && scheme.paymentDueDays() <= 366,
                        "paymentDueDays", "must be 0 to 366 days")
                .orRefuse("The billing term scheme");
        var rules = CatalogRules.check()
                .rule(!scheme.allowedPricePlans().isEmpty(), "allowedPricePlans", "allows at least one price plan")
                .rule(scheme.defaultPricePlan() == null || scheme.allowedPricePlans()
                        .contains(scheme.defaultPricePlan()), "defaultPricePlan", "must be one of the allowed plans");
        scheme.allowedPricePlans().forEach(code -> rules.rule(catalog.pricePlan(code).isPresent(),
                "allowedPricePlans", code + " is not a price plan"));
        rules.orRefuseAsRule("The billing term scheme " + scheme.code());
    }

    @EventSourcingHandler
    void on(BillingTermSchemeCreated event) {
        id = CatalogIds.billingTermScheme(event.definition().code());
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(BillingTermSchemeAmended event) {
        definition = event.definition();
    }
}
