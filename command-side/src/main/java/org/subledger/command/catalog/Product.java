package org.subledger.command.catalog;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.catalog.AmendProduct;
import org.subledger.kernel.catalog.BundleComponent;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.Composition;
import org.subledger.kernel.catalog.CreateProduct;
import org.subledger.kernel.catalog.ProductAmended;
import org.subledger.kernel.catalog.ProductCreated;
import org.subledger.kernel.catalog.ProductDefinition;

import java.math.BigDecimal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A product of the catalog, checked against its product type: bundles only where the type's composition allows. */
@Aggregate
class Product {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private String id;
    private ProductDefinition definition;

    Product() {
    }

    /** Whether it recorded the entry: false when the same definition was there already. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CreateProduct command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        if (definition != null) {
            if (definition.equals(command.definition())) {
                return false;
            }
            throw CatalogRules.exists("product", definition.code());
        }
        apply(new ProductCreated(command.definition()));
        return true;
    }

    @CommandHandler
    void handle(AmendProduct command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        if (!definition.equals(command.definition())) {
            apply(new ProductAmended(command.definition()));
        }
    }

    ProductDefinition definition() {
        return definition;
    }

    private static void validate(ProductDefinition product, CatalogLookup catalog) {
        CatalogRules.check().code(product.code()).required(product.description(), "description")
                .required(product.productTypeCode(), "productTypeCode")
                .required(product.taxRatePercent(), "taxRatePercent")
                .rule(product.taxRatePercent() == null || (product.taxRatePercent().signum() >= 0
                        && product.taxRatePercent().compareTo(HUNDRED) <= 0), "taxRatePercent", "must be 0 to 100")
                .rule(product.fixedComponents().stream().allMatch(component -> component.quantity() > 0),
                        "fixedComponents", "quantities must be positive")
                .orRefuse("The product");
        var type = catalog.productType(product.productTypeCode());
        var rules = CatalogRules.check().rule(type.isPresent(), "productTypeCode", "is not a product type");
        if (type.isPresent()) {
            Composition composition = type.get().composition();
            rules.rule(composition != Composition.FIXED_BUNDLE || !product.fixedComponents().isEmpty(),
                            "fixedComponents", "a fixed bundle lists its components")
                    .rule(composition == Composition.FIXED_BUNDLE || product.fixedComponents().isEmpty(),
                            "fixedComponents", "only a fixed bundle has fixed components")
                    .rule(composition != Composition.FLEXIBLE_BUNDLE || hasAllowedComponents(product),
                            "flexibleRules", "a flexible bundle names the products, types or families it allows")
                    .rule(composition == Composition.FLEXIBLE_BUNDLE || product.flexibleRules() == null,
                            "flexibleRules", "only a flexible bundle has flexible rules");
        }
        for (BundleComponent component : product.fixedComponents()) {
            rules.rule(!component.productCode().equals(product.code()), "fixedComponents",
                            "a bundle cannot contain itself")
                    .rule(catalog.product(component.productCode()).isPresent(), "fixedComponents",
                            "component " + component.productCode() + " is not a product");
        }
        for (String provider : product.providerProductIds().keySet()) {
            rules.rule(catalog.providerExists(provider), "providerProductIds", provider + " is not a provider");
        }
        rules.orRefuseAsRule("The product " + product.code());
    }

    private static boolean hasAllowedComponents(ProductDefinition product) {
        var flexible = product.flexibleRules();
        return flexible != null && !(flexible.allowedProducts().isEmpty() && flexible.allowedProductTypes().isEmpty()
                && flexible.allowedFamilies().isEmpty());
    }

    @EventSourcingHandler
    void on(ProductCreated event) {
        id = CatalogIds.product(event.definition().code());
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(ProductAmended event) {
        definition = event.definition();
    }
}
