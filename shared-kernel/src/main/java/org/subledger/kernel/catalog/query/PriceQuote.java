package org.subledger.kernel.catalog.query;

import org.subledger.kernel.rating.Rating;
import org.subledger.kernel.rating.TierBasis;

import java.time.LocalDate;

/**
 * The price of a quote: the amount and how it was reached, with the plan asked for, the plan whose rate was used
 * ({@code ratedWith}: a conditional plan's base plan when its conditions fail or it does not price the product) and
 * the price version used.
 */
public record PriceQuote(String pricePlanCode,
                         String productCode,
                         String ratedWith,
                         int version,
                         LocalDate effectiveFrom,
                         LocalDate at,
                         TierBasis basis,
                         long units,
                         Rating rating) {
}
