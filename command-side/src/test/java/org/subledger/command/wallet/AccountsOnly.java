package org.subledger.command.wallet;

import org.subledger.command.subscription.AccountFacts;
import org.subledger.command.subscription.SubscriptionLookup;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The accounts a wallet fixture looks at; no catalog. */
class AccountsOnly implements SubscriptionLookup {

    private final Map<String, AccountFacts> accounts = new HashMap<>();

    AccountsOnly open(String accountId, String currency, String owningUnit) {
        Currency in = Currency.getInstance(currency);
        accounts.put(accountId, new AccountFacts(accountId, CustomerType.PERSON, in, "RESIDENTIAL", null, null,
                false, Money.zero(in), null, owningUnit));
        return this;
    }

    AccountsOnly closed(String accountId) {
        AccountFacts open = accounts.get(accountId);
        accounts.put(accountId, new AccountFacts(accountId, open.customerType(), open.currency(),
                open.classification(), null, null, true, open.balance(), null, open.owningUnit()));
        return this;
    }

    @Override
    public Optional<AccountFacts> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public Optional<SubscriptionTypeDefinition> subscriptionType(String code) {
        return Optional.empty();
    }

    @Override
    public Optional<BillingTermSchemeDefinition> billingTermScheme(String code) {
        return Optional.empty();
    }

    @Override
    public Optional<PricePlanDefinition> pricePlan(String code) {
        return Optional.empty();
    }

    @Override
    public Optional<ProductDefinition> product(String code) {
        return Optional.empty();
    }

    @Override
    public Optional<ProductTypeDefinition> productType(String code) {
        return Optional.empty();
    }

    @Override
    public Optional<AdditiveDiscountDefinition> additiveDiscount(String code) {
        return Optional.empty();
    }

    @Override
    public List<UsageCatalogDefinition> usageCatalogsOffering(String productCode) {
        return List.of();
    }

    @Override
    public Optional<Rate> rateInForce(String pricePlanCode, String productCode, LocalDate on) {
        return Optional.empty();
    }
}
