package org.subledger.query.pricing;

import org.subledger.kernel.catalog.query.PriceQuote;
import org.subledger.kernel.rating.TierBasis;

import org.subledger.kernel.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * A price quote in the pricing API. Amounts are {@link Money}, VAT inclusive. {@code ratedWith}
 * is the plan whose rate was used, {@code version} and {@code effectiveFrom} the price version in force on {@code at}.
 */
public record QuoteView(Money amount,
                        String currency,
                        List<RatingLineView> explanation,
                        String pricePlanId,
                        String productCode,
                        String ratedWith,
                        int version,
                        LocalDate effectiveFrom,
                        LocalDate at,
                        TierBasis basis,
                        long units) {

    static QuoteView of(PriceQuote quote) {
        var rating = quote.rating();
        return new QuoteView(rating.amount(), rating.amount().currency().getCurrencyCode(),
                rating.explanation().stream().map(RatingLineView::of).toList(), quote.pricePlanCode(),
                quote.productCode(), quote.ratedWith(), quote.version(), quote.effectiveFrom(), quote.at(),
                quote.basis(), quote.units());
    }
}
