package org.subledger.kernel.catalog.query;

import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.error.RefusalDetails;

/**
 * The answer to {@link QuoteUsage}: the quote, or why there is none (an unknown catalog or service, a catalog not
 * valid or a service not orderable at that time). The refusal travels as data, so it keeps its code between nodes.
 */
public record UsageQuoteAnswer(UsageQuote quote, RefusalDetails refusal) {

    public static UsageQuoteAnswer quoted(UsageQuote quote) {
        return new UsageQuoteAnswer(quote, null);
    }

    public static UsageQuoteAnswer refused(LedgerRefusal refusal) {
        return new UsageQuoteAnswer(null, refusal.details());
    }

    /** The quote, or the refusal thrown. */
    public UsageQuote orElseThrow() {
        if (refusal != null) {
            throw refusal.toRefusal();
        }
        return quote;
    }
}
