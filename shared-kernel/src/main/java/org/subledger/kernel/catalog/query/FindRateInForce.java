package org.subledger.kernel.catalog.query;

import java.time.LocalDate;

/** The price version of a product in a price plan in force on a date. Answer: {@code Optional<PriceVersion>}. */
public record FindRateInForce(String pricePlanCode, String productCode, LocalDate at) {
}
