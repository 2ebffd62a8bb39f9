package org.subledger.command.job;

import org.subledger.command.subscription.AccountFacts;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.catalog.ActivityServiceTerms;
import org.subledger.kernel.catalog.ActivityTypeDefinition;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.BillingTiming;
import org.subledger.kernel.catalog.Composition;
import org.subledger.kernel.catalog.JobBillingMoment;
import org.subledger.kernel.catalog.JobTypeDefinition;
import org.subledger.kernel.catalog.PhysicalGoodType;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.ProductClassification;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An AluxSat-like catalog for jobs and two accounts (one over its credit limit), in memory. */
class FakeJobLookup implements JobLookup {

    static final String ACCOUNT = "acc-1";
    static final String OVER_LIMIT = "acc-over";

    final Map<String, AccountFacts> accounts = new HashMap<>();
    /** subscription id → account id. */
    final Map<String, String> subscriptions = new HashMap<>();
    private final Map<String, ProductTypeDefinition> types = new HashMap<>();
    private final Map<String, ProductDefinition> products = new HashMap<>();
    final Map<String, AdditiveDiscountDefinition> discounts = new HashMap<>();

    FakeJobLookup() {
        Currency eur = Currency.getInstance("EUR");
        accounts.put(ACCOUNT, new AccountFacts(ACCOUNT, CustomerType.PERSON, eur, null, null, "Nicosia", false,
                Money.of("0.00", "EUR"), Money.of("100.00", "EUR"), "CUSTOMER-SERVICE"));
        accounts.put(OVER_LIMIT, new AccountFacts(OVER_LIMIT, CustomerType.PERSON, eur, null, null, "Nicosia",
                false, Money.of("150.00", "EUR"), Money.of("100.00", "EUR"), "CUSTOMER-SERVICE"));
        type(new ProductTypeDefinition("TRACEABLE-HW", "Traceable", ProductClassification.PHYSICAL_GOOD,
                PhysicalGoodType.TRACEABLE, null, Composition.FLAT, true, null), "DECODER");
        type(new ProductTypeDefinition("PLAIN-HW", "Plain", ProductClassification.PHYSICAL_GOOD,
                PhysicalGoodType.NON_TRACEABLE, null, Composition.FLAT, false, null), "ANTENNA");
        type(new ProductTypeDefinition("FEE", "Fees", ProductClassification.SERVICE, null, ServiceType.EXPENSE,
                Composition.FLAT, false, null), "INSTALLATION-FEE");
        type(new ProductTypeDefinition("LABOUR", "Labour", ProductClassification.SERVICE, null,
                ServiceType.ONE_TIME, Composition.FLAT, false, null), "INSTALLATION", "CABLING");
    }

    private void type(ProductTypeDefinition type, String... codes) {
        types.put(type.code(), type);
        for (String code : codes) {
            products.put(code, new ProductDefinition(code, null, code, type.code(), "AluxSat", "Family",
                    List.of(), Validity.ALWAYS, new BigDecimal("19"), List.of(), null, Map.of()));
        }
    }

    @Override
    public Optional<String> accountOfSubscription(String subscriptionId) {
        return Optional.ofNullable(subscriptions.get(subscriptionId));
    }

    @Override
    public Optional<AccountFacts> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public Optional<JobTypeDefinition> jobType(String code) {
        if ("MAINTENANCE".equals(code)) {
            return Optional.of(new JobTypeDefinition("MAINTENANCE", "Maintenance", List.of("INSTALLATION-FEE"),
                    JobBillingMoment.BILL_RUN));
        }
        if ("REPAIR".equals(code)) {
            return Optional.of(new JobTypeDefinition("REPAIR", "Repair", List.of("DECODER", "ANTENNA")));
        }
        return "INSTALLATION".equals(code) ? Optional.of(new JobTypeDefinition("INSTALLATION", "New installation",
                List.of("DECODER", "ANTENNA", "INSTALLATION-FEE"))) : Optional.empty();
    }

    @Override
    public Optional<ActivityTypeDefinition> activityType(String code) {
        return "INSTALL".equals(code) ? Optional.of(new ActivityTypeDefinition("INSTALL", "Install",
                List.of("INSTALLATION", "CABLING"), List.of(new ActivityServiceTerms("INSTALLATION", 60, false, true),
                new ActivityServiceTerms("CABLING", 30, true, false)))) : Optional.empty();
    }

    @Override
    public Optional<BillingTermSchemeDefinition> billingTermScheme(String code) {
        return "RESIDENTIAL".equals(code) ? Optional.of(new BillingTermSchemeDefinition("RESIDENTIAL", "Residential",
                List.of(BillingFrequency.MONTHLY), 12, List.of("STANDARD"), "STANDARD", true, false,
                BillingTiming.IN_ADVANCE, null, null, false)) : Optional.empty();
    }

    @Override
    public Optional<PricePlanDefinition> pricePlan(String code) {
        return "STANDARD".equals(code) ? Optional.of(new PricePlanDefinition("STANDARD", "Standard",
                PricePlanKind.BASE, null, "EUR", List.of(), List.of(), List.of())) : Optional.empty();
    }

    @Override
    public Optional<ProductDefinition> product(String code) {
        return Optional.ofNullable(products.get(code));
    }

    @Override
    public Optional<ProductTypeDefinition> productType(String code) {
        return Optional.ofNullable(types.get(code));
    }

    @Override
    public Optional<AdditiveDiscountDefinition> additiveDiscount(String code) {
        return Optional.ofNullable(discounts.get(code));
    }
}
