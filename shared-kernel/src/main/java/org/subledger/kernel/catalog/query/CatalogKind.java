package org.subledger.kernel.catalog.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of catalog entries, each with the name of its collection in the API ({@code /api/catalog/products}).
 * Read models store the constant's name.
 */
public enum CatalogKind {
    PRODUCT_TYPE("product-types"),
    PRODUCT("products"),
    PROVIDER("providers"),
    PRICE_PLAN("price-plans"),
    BILLING_TERM_SCHEME("billing-term-schemes"),
    SUBSCRIPTION_TYPE("subscription-types"),
    USAGE_CATALOG("usage-catalogs"),
    JOB_TYPE("job-types"),
    ACTIVITY_TYPE("activity-types"),
    ADDITIVE_DISCOUNT("additive-discounts"),
    BUY_IN_ADVANCE_DEFINITION("buy-in-advance-definitions"),
    EVENT_CHARGE_RULE("event-charge-rules");

    private final String collection;

    CatalogKind(String collection) {
        this.collection = collection;
    }

    public String collection() {
        return collection;
    }

    public static Optional<CatalogKind> ofCollection(String collection) {
        return Arrays.stream(values()).filter(kind -> kind.collection.equals(collection)).findFirst();
    }
}
