package org.subledger.kernel.catalog.query;

/**
 * Every price version of a price plan, by product and then version; only those of one product when
 * {@code productCode} is given. Answer: {@code List<PriceVersion>}, empty for an unknown plan.
 */
public record FindPriceVersions(String pricePlanCode, String productCode) {
}
