package org.subledger.kernel.catalog;

/**
 * Aggregate identifiers of catalog entries: the entry's unique code prefixed by its kind, so the event store's
 * unique (aggregate id, sequence number) makes codes unique per kind without any lookup.
 */
public final class CatalogIds {

    private CatalogIds() {
    }

    public static String productType(String code) {
        return "product-type:" + code;
    }

    public static String product(String code) {
        return "product:" + code;
    }

    public static String provider(String code) {
        return "provider:" + code;
    }

    public static String pricePlan(String code) {
        return "price-plan:" + code;
    }

    public static String billingTermScheme(String code) {
        return "billing-term-scheme:" + code;
    }

    public static String subscriptionType(String code) {
        return "subscription-type:" + code;
    }

    public static String usageCatalog(String code) {
        return "usage-catalog:" + code;
    }

    public static String jobType(String code) {
        return "job-type:" + code;
    }

    public static String activityType(String code) {
        return "activity-type:" + code;
    }

    public static String additiveDiscount(String code) {
        return "additive-discount:" + code;
    }

    /** The one stream of every buy-in-advance definition (see {@link CreateBuyInAdvanceDefinition}). */
    public static final String BUY_IN_ADVANCE_DEFINITIONS = "buy-in-advance-definitions";

    /** The one stream of every event charge rule (see {@link CreateEventChargeRule}). */
    public static final String EVENT_CHARGE_RULES = "event-charge-rules";
}
