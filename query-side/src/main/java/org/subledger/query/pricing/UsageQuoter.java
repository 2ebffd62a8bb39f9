package org.subledger.query.pricing;

import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.UsageServiceEntry;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.catalog.query.QuoteUsage;
import org.subledger.kernel.catalog.query.UsageQuote;
import org.subledger.kernel.catalog.query.UsageQuoteAnswer;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.time.LocalDate;
import java.util.Map;

/**
 * Prices one use of a usage service of a usage catalog at a local date and time: the service's time-of-day amount
 * covering that time, else its base amount. Only while the catalog is valid and the service may be ordered.
 */
final class UsageQuoter {

    private final PriceCatalog catalog;

    UsageQuoter(PriceCatalog catalog) {
        this.catalog = catalog;
    }

    UsageQuoteAnswer quote(QuoteUsage query) {
        try {
            return UsageQuoteAnswer.quoted(price(query));
        } catch (LedgerRefusal refusal) {
            return UsageQuoteAnswer.refused(refusal);
        }
    }

    private UsageQuote price(QuoteUsage query) {
        UsageCatalogDefinition usageCatalog = catalog.usageCatalog(query.usageCatalogCode())
                .orElseThrow(() -> new LedgerRefusal(ErrorCode.CATALOG_ENTRY_NOT_FOUND,
                        "No usage catalog " + query.usageCatalogCode() + "."));
        UsageServiceEntry service = usageCatalog.services().stream()
                .filter(entry -> entry.productCode().equals(query.productCode())).findFirst()
                .orElseThrow(() -> new LedgerRefusal(ErrorCode.CATALOG_ENTRY_NOT_FOUND,
                        "No usage service " + query.productCode() + " in " + query.usageCatalogCode() + "."));
        LocalDate date = query.usedAt().toLocalDate();
        if (!usageCatalog.validity().contains(date)) {
            throw refused(query, "the usage catalog " + usageCatalog.code() + " is valid "
                    + span(usageCatalog.validity()));
        }
        if (!service.orderable().contains(date)) {
            throw refused(query, service.productCode() + " may be ordered " + span(service.orderable()));
        }
        return new UsageQuote(usageCatalog.code(), service.productCode(), query.usedAt(),
                service.rate().rate(query.usedAt().toLocalTime()));
    }

    private static LedgerRefusal refused(QuoteUsage query, String why) {
        return new LedgerRefusal(ErrorCode.CATALOG_RULE_VIOLATED, "No use of " + query.productCode() + " on "
                + query.usedAt().toLocalDate() + ": " + why + ".", Map.of("usedAt", why));
    }

    private static String span(Validity validity) {
        if (validity.from() == null) {
            return "until " + validity.to();
        }
        return validity.to() == null ? "from " + validity.from() : "from " + validity.from() + " to " + validity.to();
    }
}
