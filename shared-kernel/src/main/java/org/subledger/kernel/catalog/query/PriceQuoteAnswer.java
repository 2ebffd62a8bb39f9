package org.subledger.kernel.catalog.query;

import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.error.RefusalDetails;

/**
 * The answer to {@link QuotePrice}: the quote, or why there is none (an unknown plan or product, no price in force,
 * units the rate does not count). The refusal travels as data, so it keeps its code between nodes.
 */
public record PriceQuoteAnswer(PriceQuote quote, RefusalDetails refusal) {

    public static PriceQuoteAnswer quoted(PriceQuote quote) {
        return new PriceQuoteAnswer(quote, null);
    }

    public static PriceQuoteAnswer refused(LedgerRefusal refusal) {
        return new PriceQuoteAnswer(null, refusal.details());
    }

    /** The quote, or the refusal thrown. */
    public PriceQuote orElseThrow() {
        if (refusal != null) {
            throw refusal.toRefusal();
        }
        return quote;
    }
}
