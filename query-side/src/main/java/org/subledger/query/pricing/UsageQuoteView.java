package org.subledger.query.pricing;

import org.subledger.kernel.catalog.query.UsageQuote;

import org.subledger.kernel.money.Money;
import java.time.LocalDateTime;
import java.util.List;

/** A usage quote in the pricing API: the amount of one use at {@code usedAt} (local time), VAT inclusive. */
public record UsageQuoteView(Money amount,
                             String currency,
                             List<RatingLineView> explanation,
                             String usageCatalogCode,
                             String productCode,
                             LocalDateTime usedAt) {

    static UsageQuoteView of(UsageQuote quote) {
        var rating = quote.rating();
        return new UsageQuoteView(rating.amount(), rating.amount().currency().getCurrencyCode(),
                rating.explanation().stream().map(RatingLineView::of).toList(), quote.usageCatalogCode(),
                quote.productCode(), quote.usedAt());
    }
}
