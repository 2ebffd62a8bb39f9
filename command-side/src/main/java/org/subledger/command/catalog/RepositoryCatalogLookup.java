package org.subledger.command.catalog;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;

import java.util.Optional;
import java.util.function.Function;

/** Reads catalog entries through their aggregate repositories, inside the command's unit of work. */
@Component
class RepositoryCatalogLookup implements CatalogLookup {

    private final Repository<ProductType> productTypes;
    private final Repository<Product> products;
    private final Repository<PricePlan> pricePlans;
    private final Repository<Provider> providers;
    private final Repository<BillingTermScheme> billingTermSchemes;
    private final Repository<SubscriptionType> subscriptionTypes;

    RepositoryCatalogLookup(@Lazy @Qualifier("productTypeRepository") Repository<ProductType> productTypes,
                            @Lazy @Qualifier("productRepository") Repository<Product> products,
                            @Lazy @Qualifier("pricePlanRepository") Repository<PricePlan> pricePlans,
                            @Lazy @Qualifier("providerRepository") Repository<Provider> providers,
                            @Lazy @Qualifier("billingTermSchemeRepository")
                            Repository<BillingTermScheme> billingTermSchemes,
                            @Lazy @Qualifier("subscriptionTypeRepository")
                            Repository<SubscriptionType> subscriptionTypes) {
        this.productTypes = productTypes;
        this.products = products;
        this.pricePlans = pricePlans;
        this.providers = providers;
        this.billingTermSchemes = billingTermSchemes;
        this.subscriptionTypes = subscriptionTypes;
    }

    @Override
    public Optional<ProductTypeDefinition> productType(String code) {
        return read(productTypes, CatalogIds.productType(code), ProductType::definition);
    }

    @Override
    public Optional<ProductDefinition> product(String code) {
        return read(products, CatalogIds.product(code), Product::definition);
    }

    @Override
    public Optional<PricePlanDefinition> pricePlan(String code) {
        return read(pricePlans, CatalogIds.pricePlan(code), PricePlan::definition);
    }

    @Override
    public boolean providerExists(String code) {
        return read(providers, CatalogIds.provider(code), Provider::definition).isPresent();
    }

    @Override
    public boolean billingTermSchemeExists(String code) {
        return read(billingTermSchemes, CatalogIds.billingTermScheme(code), BillingTermScheme::definition).isPresent();
    }

    @Override
    public Optional<BillingTermSchemeDefinition> billingTermScheme(String code) {
        return read(billingTermSchemes, CatalogIds.billingTermScheme(code), BillingTermScheme::definition);
    }

    @Override
    public boolean subscriptionTypeExists(String code) {
        return read(subscriptionTypes, CatalogIds.subscriptionType(code), SubscriptionType::definition).isPresent();
    }

    private static <A, R> Optional<R> read(Repository<A> repository, String id, Function<A, R> reader) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(repository.load(id).invoke(reader));
        } catch (AggregateNotFoundException missing) {
            return Optional.empty();
        }
    }
}
