package org.subledger.command.catalog;

import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The other catalog entries a fixture's command handler may look at. */
class FakeCatalog implements CatalogLookup {

    final Map<String, ProductTypeDefinition> types = new HashMap<>();
    final Map<String, ProductDefinition> products = new HashMap<>();
    final Map<String, PricePlanDefinition> plans = new HashMap<>();
    final Set<String> providers = new HashSet<>();
    final Set<String> schemes = new HashSet<>();
    final Set<String> subscriptionTypes = new HashSet<>();
    final Map<String, BillingTermSchemeDefinition> schemeDefinitions = new HashMap<>();

    FakeCatalog with(ProductTypeDefinition type) {
        types.put(type.code(), type);
        return this;
    }

    FakeCatalog with(ProductDefinition product) {
        products.put(product.code(), product);
        return this;
    }

    FakeCatalog with(BillingTermSchemeDefinition scheme) {
        schemeDefinitions.put(scheme.code(), scheme);
        schemes.add(scheme.code());
        return this;
    }

    FakeCatalog with(PricePlanDefinition plan) {
        plans.put(plan.code(), plan);
        return this;
    }

    @Override
    public Optional<ProductTypeDefinition> productType(String code) {
        return Optional.ofNullable(types.get(code));
    }

    @Override
    public Optional<ProductDefinition> product(String code) {
        return Optional.ofNullable(products.get(code));
    }

    @Override
    public Optional<PricePlanDefinition> pricePlan(String code) {
        return Optional.ofNullable(plans.get(code));
    }

    @Override
    public boolean providerExists(String code) {
        return providers.contains(code);
    }

    @Override
    public boolean billingTermSchemeExists(String code) {
        return schemes.contains(code);
    }

    @Override
    public Optional<BillingTermSchemeDefinition> billingTermScheme(String code) {
        return Optional.ofNullable(schemeDefinitions.get(code));
    }

    @Override
    public boolean subscriptionTypeExists(String code) {
        return subscriptionTypes.contains(code);
    }
}
