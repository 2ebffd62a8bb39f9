package org.subledger.kernel.catalog.query;

import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.rating.TierBasis;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a product would cost in a price plan on a date: {@code units} of the product, counted as {@code basis} says
 * (a quantity, hours of work, or the first {@code units} billing periods of a termed service). For a conditional
 * plan, {@code facts} about the account or subscription decide whether its rates apply or its base plan's. Answer:
 * {@link PriceQuoteAnswer}.
 */
public record QuotePrice(String pricePlanCode,
                         String productCode,
                         TierBasis basis,
                         long units,
                         LocalDate at,
                         Map<ConditionAttribute, String> facts) {

    public QuotePrice {
        facts = Map.copyOf(facts == null ? Map.of() : facts);
    }
}
