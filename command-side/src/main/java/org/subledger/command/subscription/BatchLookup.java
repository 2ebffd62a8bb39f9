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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mediation batch's reading of the catalog: the usage catalogs and billing term schemes its subscriptions ask
 * for are read from the event store once per batch, not once per subscription (two queries a subscription, for the
 * same few entries). The batch is one transaction, so this is what it would have read anyway; accounts are read
 * through, each being one subscription's.
 */
final class BatchLookup implements SubscriptionLookup {

    private final SubscriptionLookup lookup;
    private final Map<String, List<UsageCatalogDefinition>> usageCatalogs = new HashMap<>();
    private final Map<String, Optional<BillingTermSchemeDefinition>> billingTermSchemes = new HashMap<>();

    BatchLookup(SubscriptionLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public List<UsageCatalogDefinition> usageCatalogsOffering(String productCode) {
        return usageCatalogs.computeIfAbsent(productCode, lookup::usageCatalogsOffering);
    }

    @Override
    public Optional<BillingTermSchemeDefinition> billingTermScheme(String code) {
        return billingTermSchemes.computeIfAbsent(code, lookup::billingTermScheme);
    }

    @Override
    public Optional<AccountFacts> account(String accountId) {
        return lookup.account(accountId);
    }

    @Override
    public Optional<SubscriptionTypeDefinition> subscriptionType(String code) {
        return lookup.subscriptionType(code);
    }

    @Override
    public Optional<PricePlanDefinition> pricePlan(String code) {
        return lookup.pricePlan(code);
    }

    @Override
    public Optional<ProductDefinition> product(String code) {
        return lookup.product(code);
    }

    @Override
    public Optional<ProductTypeDefinition> productType(String code) {
        return lookup.productType(code);
    }

    @Override
    public Optional<AdditiveDiscountDefinition> additiveDiscount(String code) {
        return lookup.additiveDiscount(code);
    }

    @Override
    public Optional<Rate> rateInForce(String pricePlanCode, String productCode, LocalDate on) {
        return lookup.rateInForce(pricePlanCode, productCode, on);
    }
}
