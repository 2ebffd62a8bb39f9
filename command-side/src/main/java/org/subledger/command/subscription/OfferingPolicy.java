package org.subledger.command.subscription;

import org.subledger.kernel.catalog.BundleComponent;
import org.subledger.kernel.catalog.Composition;
import org.subledger.kernel.catalog.FlexibleBundleRules;
import org.subledger.kernel.catalog.PhysicalGoodType;
import org.subledger.kernel.catalog.ProductClassification;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.SubscriptionService;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a subscription may hold, by its subscription type and the catalog, on the date of the action: termed services
 * (flat, or bundles of termed services) and installed items (traceable physical goods) among the type's allowed
 * products and valid on that date; distributors of the type's allowed providers. A fixed bundle's components come
 * from the catalog; a flexible bundle's chosen components must be allowed by the bundle's rules (products, product
 * types or families) and come from at most its maximum number of families and of types.
 */
final class OfferingPolicy {

    private final SubscriptionTypeDefinition type;
    private final SubscriptionLookup lookup;
    private final LocalDate date;

    private OfferingPolicy(SubscriptionTypeDefinition type, SubscriptionLookup lookup, LocalDate date) {
        this.type = type;
        this.lookup = lookup;
        this.date = date;
    }

    /** The offering of an existing subscription type, on the given date. */
    static OfferingPolicy of(String subscriptionTypeCode, SubscriptionLookup lookup, LocalDate date) {
        var type = lookup.subscriptionType(subscriptionTypeCode).orElseThrow(() -> new LedgerRefusal(
                ErrorCode.CATALOG_RULE_VIOLATED, "No subscription type " + subscriptionTypeCode,
                Map.of("subscriptionTypeCode", "is not a subscription type")));
        return new OfferingPolicy(type, lookup, date);
    }

    SubscriptionTypeDefinition type() {
        return type;
    }

    /**
     * The service as it is to be recorded: its dates defaulted to the action date (billing from the effective
     * date unless later dates are given) and a fixed bundle's components filled in from the catalog.
     */
    SubscriptionService service(SubscriptionService requested) {
        SubscriptionRules.check().required(requested, "service").orRefuse("The service");
        LocalDate effective = requested.effectiveDate() != null ? requested.effectiveDate() : date;
        LocalDate billableStart = requested.billablePeriodStartDate() != null
                ? requested.billablePeriodStartDate() : effective;
        LocalDate billingEffective = requested.billingEffectiveDate() != null
                ? requested.billingEffectiveDate() : billableStart;
        SubscriptionRules.check().required(requested.productCode(), "productCode")
                .rule(!billableStart.isBefore(effective), "billablePeriodStartDate",
                        "must not be before the effective date")
                .rule(!billingEffective.isBefore(effective), "billingEffectiveDate",
                        "must not be before the effective date")
                .orRefuse("The service");

        String code = requested.productCode();
        var product = lookup.product(code);
        var productType = product.flatMap(found -> lookup.productType(found.productTypeCode()));
        var rules = allowedProduct(code, product);
        rules.rule(productType.isEmpty() || isTermedService(productType.get()), "productCode",
                "is not a termed service");
        List<String> components = List.of();
        if (productType.isPresent() && isTermedService(productType.get())) {
            Composition composition = productType.get().composition();
            if (composition == Composition.FIXED_BUNDLE) {
                components = product.get().fixedComponents().stream().map(BundleComponent::productCode).toList();
                rules.rule(requested.components().isEmpty()
                                || Set.copyOf(requested.components()).equals(Set.copyOf(components)), "components",
                        "a fixed bundle's components are those of the catalog: " + components);
                components.forEach(component -> checkTermedComponent(component, rules));
            } else if (composition == Composition.FLEXIBLE_BUNDLE) {
                components = requested.components();
                checkFlexibleBundle(product.get(), components, rules);
            } else {
                rules.rule(requested.components().isEmpty(), "components", "only a bundle has components");
            }
        }
        rules.orRefuseAsCatalogRule("The service " + code);
        return new SubscriptionService(code, components, effective, billableStart, billingEffective,
                requested.distributorIds());
    }

    /** The installed item as it is to be recorded: a traceable physical good the subscription type allows. */
    InstalledItem installedItem(InstalledItem requested) {
        SubscriptionRules.check().required(requested, "item").orRefuse("The installed item");
        SubscriptionRules.check().required(requested.serialNumber(), "serialNumber")
                .required(requested.productCode(), "productCode").orRefuse("The installed item");
        String code = requested.productCode();
        var product = lookup.product(code);
        var productType = product.flatMap(found -> lookup.productType(found.productTypeCode()));
        allowedProduct(code, product)
                .rule(productType.isEmpty() || productType.get().classification() == ProductClassification.PHYSICAL_GOOD
                                && productType.get().physicalGoodType() == PhysicalGoodType.TRACEABLE, "productCode",
                        "is not a traceable physical good")
                .orRefuseAsCatalogRule("The installed item " + requested.serialNumber());
        return new InstalledItem(requested.serialNumber().strip(), code);
    }

    /**
     * A product sold once, as a one-off charge: a physical good, a one-time service or an expense, allowed by the
     * subscription type and valid on the date.
     */
    void oneOffProduct(String code) {
        var product = lookup.product(code);
        var productType = product.flatMap(found -> lookup.productType(found.productTypeCode()));
        allowedProduct(code, product)
                .rule(productType.isEmpty() || productType.get().classification() == ProductClassification.PHYSICAL_GOOD
                                || productType.get().serviceType() == ServiceType.ONE_TIME
                                || productType.get().serviceType() == ServiceType.EXPENSE, "productCode",
                        "is not a physical good, one-time service or expense")
                .orRefuseAsCatalogRule("The one-off charge of " + code);
    }

    /** A distributor of a provisioning provider the subscription type allows. */
    Distributor distributor(Distributor requested) {
        SubscriptionRules.check().required(requested, "distributor").orRefuse("The distributor");
        SubscriptionRules.check().required(requested.distributorId(), "distributorId")
                .required(requested.providerCode(), "providerCode").orRefuse("The distributor");
        SubscriptionRules.check()
                .rule(type.allowedProviders().contains(requested.providerCode()), "providerCode",
                        "is not a provider allowed by subscription type " + type.code())
                .orRefuseAsCatalogRule("The distributor " + requested.distributorId());
        return requested;
    }

    private SubscriptionRules allowedProduct(String code, Optional<ProductDefinition> product) {
        return SubscriptionRules.check()
                .rule(type.allowedProducts().contains(code), "productCode",
                        "is not allowed by subscription type " + type.code())
                .rule(product.isPresent(), "productCode", "is not a product")
                .rule(product.isEmpty() || product.get().validity().contains(date), "productCode",
                        "is not valid on " + date);
    }

    private void checkFlexibleBundle(ProductDefinition bundle, List<String> chosen, SubscriptionRules rules) {
        FlexibleBundleRules allowed = bundle.flexibleRules() != null ? bundle.flexibleRules()
                : new FlexibleBundleRules(List.of(), List.of(), List.of(), null, null);
        rules.rule(!chosen.isEmpty(), "components", "a flexible bundle needs the components the customer chose")
                .rule(new HashSet<>(chosen).size() == chosen.size(), "components", "each component is chosen once");
        Set<String> families = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (String code : chosen) {
            var component = lookup.product(code);
            if (component.isEmpty()) {
                rules.rule(false, "components", code + " is not a product");
                continue;
            }
            var definition = component.get();
            boolean inBundle = allowed.allowedProducts().contains(code)
                    || allowed.allowedProductTypes().contains(definition.productTypeCode())
                    || definition.family() != null && allowed.allowedFamilies().contains(definition.family());
            rules.rule(inBundle, "components", code + " is not allowed in bundle " + bundle.code());
            checkTermedComponent(code, rules);
            types.add(definition.productTypeCode());
            if (definition.family() != null) {
                families.add(definition.family());
            }
        }
        rules.rule(allowed.maxFamilies() == null || families.size() <= allowed.maxFamilies(), "components",
                        "bundle " + bundle.code() + " takes products from at most " + allowed.maxFamilies()
                                + " families, not " + families.size())
                .rule(allowed.maxTypes() == null || types.size() <= allowed.maxTypes(), "components",
                        "bundle " + bundle.code() + " takes products of at most " + allowed.maxTypes()
                                + " types, not " + types.size());
    }

    /** A bundle holds flat termed services, valid on the date of the action. */
    private void checkTermedComponent(String code, SubscriptionRules rules) {
        var component = lookup.product(code);
        var componentType = component.flatMap(found -> lookup.productType(found.productTypeCode()));
        rules.rule(component.isPresent(), "components", code + " is not a product")
                .rule(component.isEmpty() || component.get().validity().contains(date), "components",
                        code + " is not valid on " + date)
                .rule(component.isEmpty() || componentType.isPresent() && isTermedService(componentType.get())
                        && componentType.get().composition() == Composition.FLAT, "components",
                        code + " is not a single termed service");
    }

    private static boolean isTermedService(ProductTypeDefinition type) {
        return type.classification() == ProductClassification.SERVICE && type.serviceType() == ServiceType.TERMED;
    }
}
