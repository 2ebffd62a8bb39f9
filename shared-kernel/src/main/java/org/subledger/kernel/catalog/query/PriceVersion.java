package org.subledger.kernel.catalog.query;

import org.subledger.kernel.catalog.RateClassification;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;

/**
 * A price version of a product in a price plan: {@code rate} is in force from {@code effectiveFrom} (inclusive) until
 * {@code effectiveTo} (exclusive: the next version's first day), or for good while {@code effectiveTo} is null.
 */
public record PriceVersion(String pricePlanCode,
                           String productCode,
                           int version,
                           RateClassification classification,
                           LocalDate effectiveFrom,
                           LocalDate effectiveTo,
                           Rate rate) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
    }
}
