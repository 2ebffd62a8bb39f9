package org.subledger.kernel.catalog.query;

import org.subledger.kernel.rating.Rating;

import java.time.LocalDateTime;

/** The price of one use of a usage service, from its base or time-of-day amount, and how it was reached. */
public record UsageQuote(String usageCatalogCode, String productCode, LocalDateTime usedAt, Rating rating) {
}
