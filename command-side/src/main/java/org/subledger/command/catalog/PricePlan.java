package org.subledger.command.catalog;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.catalog.AmendPricePlan;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.CreatePricePlan;
import org.subledger.kernel.catalog.PricePlanAmended;
import org.subledger.kernel.catalog.PricePlanCreated;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.ProductClassification;
import org.subledger.kernel.catalog.ProductRateSet;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.RateClassification;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.catalog.SetProductRate;

import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A price plan and its price versions. Setting a rate adds a version effective from a date after every earlier
 * version of that product: history is never rewritten, and each period is rated with the version in force for it.
 */
@Aggregate
class PricePlan {

    @AggregateIdentifier
    private String id;
    private PricePlanDefinition definition;
    private final Map<String, LocalDate> latestVersionDate = new HashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private final Map<String, ProductRateSet> latestVersion = new HashMap<>();

    PricePlan() {
    }

    /** Whether it recorded the entry: false when the same definition was there already. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CreatePricePlan command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        if (definition != null) {
            if (definition.equals(command.definition())) {
                return false;
            }
            throw CatalogRules.exists("price plan", definition.code());
        }
        apply(new PricePlanCreated(command.definition()));
        return true;
    }

    @CommandHandler
    void handle(AmendPricePlan command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        CatalogRules.check().rule(command.definition().currency().equals(definition.currency()), "currency",
                "cannot change once rates exist in it").orRefuseAsRule("The price plan " + definition.code());
        if (!definition.equals(command.definition())) {
            apply(new PricePlanAmended(command.definition()));
        }
    }

    @CommandHandler
    void handle(SetProductRate command, CatalogLookup catalog) {
        CatalogRules.check().required(command.productCode(), "productCode")
                .required(command.classification(), "classification").required(command.rate(), "rate")
                .required(command.effectiveFrom(), "effectiveFrom").orRefuse("The rate");
        var current = latestVersion.get(command.productCode());
        if (current != null && current.effectiveFrom().equals(command.effectiveFrom())
                && current.rate().equals(command.rate()) && current.classification() == command.classification()) {
            return; // the latest version again (a repeated request): nothing to record
        }
        var type = catalog.typeOfProduct(command.productCode());
        var latest = latestVersionDate.get(command.productCode());
        CatalogRules.check()
                .rule(type.isPresent(), "productCode", "is not a product")
                .rule(type.isEmpty() || type.get().serviceType() != ServiceType.USAGE, "productCode",
                        "usage services are priced in usage service catalogs")
                .rule(type.isEmpty() || type.get().serviceType() == ServiceType.USAGE
                                || classificationOf(type.get()) == command.classification(), "classification",
                        "must be " + type.map(PricePlan::classificationOf).orElse(null) + " for this product")
                .rule(command.classification() != RateClassification.EXPENSE || command.rate().levels().isEmpty(),
                        "rate.levels", "expenses take no tiers")
                .rule(command.rate().baseAmount().currency().equals(Currency.getInstance(definition.currency())),
                        "rate", "must be in the plan's currency " + definition.currency())
                .rule(latest == null || command.effectiveFrom().isAfter(latest), "effectiveFrom",
                        "must be after the latest price version (" + latest + "); history is never rewritten")
                .orRefuseAsRule("The rate of " + command.productCode() + " in " + definition.code());
        apply(new ProductRateSet(definition.code(), command.productCode(), command.classification(), command.rate(),
                command.effectiveFrom(), versions.getOrDefault(command.productCode(), 0) + 1));
    }

    PricePlanDefinition definition() {
        return definition;
    }

    /** The rate classification a product of this type is priced under. */
    static RateClassification classificationOf(ProductTypeDefinition type) {
        if (type.classification() == ProductClassification.PHYSICAL_GOOD) {
            return RateClassification.PHYSICAL_GOOD;
        }
        return switch (type.serviceType()) {
            case TERMED -> RateClassification.TERMED_SERVICE;
            case ONE_TIME -> RateClassification.ONE_TIME_SERVICE;
            case EXPENSE -> RateClassification.EXPENSE;
            case USAGE -> null;
        };
    }

    private static void validate(PricePlanDefinition plan, CatalogLookup catalog) {
        CatalogRules.check().code(plan.code()).required(plan.name(), "name").required(plan.kind(), "kind")
                .required(plan.currency(), "currency")
                .rule(plan.currency() == null || isCurrency(plan.currency()), "currency",
                        "must be an ISO 4217 currency code")
                .orRefuse("The price plan");
        boolean conditional = plan.kind() == PricePlanKind.CONDITIONAL;
        var base = conditional && plan.basePlanCode() != null ? catalog.pricePlan(plan.basePlanCode()) : null;
        CatalogRules.check()
                .rule(!conditional || plan.basePlanCode() != null, "basePlanCode",
                        "a conditional plan is tied to a base plan")
                .rule(conditional || plan.basePlanCode() == null, "basePlanCode", "only conditional plans have one")
                .rule(conditional || (plan.selectConditions().isEmpty() && plan.applyConditions().isEmpty()),
                        "selectConditions", "only conditional plans have conditions")
                .rule(base == null || base.filter(found -> found.kind() == PricePlanKind.BASE).isPresent(),
                        "basePlanCode", "is not a base price plan")
                .rule(base == null || base.filter(found -> found.currency().equals(plan.currency())).isPresent()
                        || base.isEmpty(), "currency", "must be the base plan's currency")
                .orRefuseAsRule("The price plan " + plan.code());
    }

    private static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    @EventSourcingHandler
    void on(PricePlanCreated event) {
        id = CatalogIds.pricePlan(event.definition().code());
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(PricePlanAmended event) {
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(ProductRateSet event) {
        latestVersionDate.put(event.productCode(), event.effectiveFrom());
        versions.put(event.productCode(), event.version());
        latestVersion.put(event.productCode(), event);
    }
}
