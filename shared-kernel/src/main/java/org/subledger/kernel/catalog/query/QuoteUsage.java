package org.subledger.kernel.catalog.query;

import java.time.LocalDateTime;

/**
 * What one use of a usage service (a VOD title, a PPV event) of a usage catalog would cost at a local date and time.
 * Answer: {@link UsageQuoteAnswer}.
 */
public record QuoteUsage(String usageCatalogCode, String productCode, LocalDateTime usedAt) {
}
