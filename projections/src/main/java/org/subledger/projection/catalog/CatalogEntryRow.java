package org.subledger.projection.catalog;

import org.subledger.kernel.catalog.ActivityTypeDefinition;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.BuyInAdvanceDefinition;
import org.subledger.kernel.catalog.EventChargeRuleDefinition;
import org.subledger.kernel.catalog.JobTypeDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.ProviderDefinition;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.catalog.query.CatalogKind;

import java.time.LocalDate;

/** One row of {@code catalog_entry}, taken from a definition: the columns lists filter on, and the whole as JSON. */
record CatalogEntryRow(CatalogKind kind,
                       String code,
                       String name,
                       String productTypeCode,
                       String family,
                       LocalDate validFrom,
                       LocalDate validTo,
                       String providerCode,
                       String definitionJson) {

    static CatalogEntryRow of(ProductTypeDefinition type) {
        return plain(CatalogKind.PRODUCT_TYPE, type.code(), type.name(), type);
    }

    static CatalogEntryRow of(ProductDefinition product) {
        Validity validity = product.validity();
        return new CatalogEntryRow(CatalogKind.PRODUCT, product.code(), product.description(),
                product.productTypeCode(), product.family(), validity.from(), validity.to(), null,
                DefinitionJson.write(product));
    }

    static CatalogEntryRow of(ProviderDefinition provider) {
        return plain(CatalogKind.PROVIDER, provider.code(), provider.name(), provider);
    }

    static CatalogEntryRow of(PricePlanDefinition plan) {
        return plain(CatalogKind.PRICE_PLAN, plan.code(), plan.name(), plan);
    }

    static CatalogEntryRow of(BillingTermSchemeDefinition scheme) {
        return plain(CatalogKind.BILLING_TERM_SCHEME, scheme.code(), scheme.name(), scheme);
    }

    static CatalogEntryRow of(SubscriptionTypeDefinition type) {
        return plain(CatalogKind.SUBSCRIPTION_TYPE, type.code(), type.name(), type);
    }

    static CatalogEntryRow of(UsageCatalogDefinition catalog) {
        Validity validity = catalog.validity();
        return new CatalogEntryRow(CatalogKind.USAGE_CATALOG, catalog.code(), catalog.name(), null, null,
                validity.from(), validity.to(), catalog.providerCode(), DefinitionJson.write(catalog));
    }

    static CatalogEntryRow of(JobTypeDefinition type) {
        return plain(CatalogKind.JOB_TYPE, type.code(), type.name(), type);
    }

    static CatalogEntryRow of(ActivityTypeDefinition type) {
        return plain(CatalogKind.ACTIVITY_TYPE, type.code(), type.name(), type);
    }

    static CatalogEntryRow of(AdditiveDiscountDefinition discount) {
        Validity validity = discount.validity();
        return new CatalogEntryRow(CatalogKind.ADDITIVE_DISCOUNT, discount.code(), discount.name(), null, null,
                validity.from(), validity.to(), null, DefinitionJson.write(discount));
    }

    static CatalogEntryRow of(EventChargeRuleDefinition rule) {
        return plain(CatalogKind.EVENT_CHARGE_RULE, rule.code(), rule.name(), rule);
    }

    static CatalogEntryRow of(BuyInAdvanceDefinition definition) {
        return plain(CatalogKind.BUY_IN_ADVANCE_DEFINITION, definition.code(), definition.name(), definition);
    }

    private static CatalogEntryRow plain(CatalogKind kind, String code, String name, Record definition) {
        return new CatalogEntryRow(kind, code, name, null, null, null, null, null, DefinitionJson.write(definition));
    }
}
