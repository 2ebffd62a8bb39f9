package org.subledger.command.subscription;

import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The accounts and catalog entries a fixture's subscription may look at. */
class FakeSubscriptionLookup implements SubscriptionLookup {

    final Map<String, AccountFacts> accounts = new HashMap<>();
    final Map<String, SubscriptionTypeDefinition> subscriptionTypes = new HashMap<>();
    final Map<String, BillingTermSchemeDefinition> schemes = new HashMap<>();
    final Map<String, PricePlanDefinition> plans = new HashMap<>();
    final Map<String, ProductDefinition> products = new HashMap<>();
    final Map<String, ProductTypeDefinition> productTypes = new HashMap<>();
    final Map<String, AdditiveDiscountDefinition> discounts = new HashMap<>();
    final List<UsageCatalogDefinition> usageCatalogs = new ArrayList<>();
    /** Rates by price plan and product, in force whatever the date. */
    final Map<String, Rate> rates = new HashMap<>();

    FakeSubscriptionLookup with(UsageCatalogDefinition catalog) {
        usageCatalogs.removeIf(existing -> existing.code().equals(catalog.code()));
        usageCatalogs.add(catalog);
        return this;
    }

    FakeSubscriptionLookup withRate(String pricePlanCode, String productCode, Rate rate) {
        rates.put(pricePlanCode + "/" + productCode, rate);
        return this;
    }

    FakeSubscriptionLookup with(AdditiveDiscountDefinition definition) {
        discounts.put(definition.code(), definition);
        return this;
    }

    @Override
    public Optional<AdditiveDiscountDefinition> additiveDiscount(String code) {
        return Optional.ofNullable(discounts.get(code));
    }

    FakeSubscriptionLookup with(AccountFacts account) {
        accounts.put(account.accountId(), account);
        return this;
    }

    FakeSubscriptionLookup with(SubscriptionTypeDefinition type) {
        subscriptionTypes.put(type.code(), type);
        return this;
    }

    FakeSubscriptionLookup with(BillingTermSchemeDefinition scheme) {
        schemes.put(scheme.code(), scheme);
        return this;
    }

    FakeSubscriptionLookup with(PricePlanDefinition plan) {
        plans.put(plan.code(), plan);
        return this;
    }

    FakeSubscriptionLookup with(ProductDefinition product) {
        products.put(product.code(), product);
        return this;
    }

    FakeSubscriptionLookup with(ProductTypeDefinition type) {
        productTypes.put(type.code(), type);
        return this;
    }

    @Override
    public List<UsageCatalogDefinition> usageCatalogsOffering(String productCode) {
        return usageCatalogs.stream().filter(catalog -> catalog.services().stream()
                .anyMatch(service -> service.productCode().equals(productCode))).toList();
    }

    @Override
    public Optional<Rate> rateInForce(String pricePlanCode, String productCode, LocalDate on) {
        return Optional.ofNullable(rates.get(pricePlanCode + "/" + productCode));
    }

    @Override
    public Optional<AccountFacts> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public Optional<SubscriptionTypeDefinition> subscriptionType(String code) {
        return Optional.ofNullable(subscriptionTypes.get(code));
    }

    @Override
    public Optional<BillingTermSchemeDefinition> billingTermScheme(String code) {
        return Optional.ofNullable(schemes.get(code));
    }

    @Override
    public Optional<PricePlanDefinition> pricePlan(String code) {
        return Optional.ofNullable(plans.get(code));
    }

    @Override
    public Optional<ProductDefinition> product(String code) {
        return Optional.ofNullable(products.get(code));
    }

    @Override
    public Optional<ProductTypeDefinition> productType(String code) {
        return Optional.ofNullable(productTypes.get(code));
    }
}
