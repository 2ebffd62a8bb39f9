package org.subledger.query.catalog;

import org.subledger.kernel.catalog.query.PriceVersion;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Which of a product's price versions in a plan is in force on a date. */
final class PriceHistory {

    private PriceHistory() {
    }

    /**
     * The version that started last on or before {@code date}: a version stays in force until a later one starts.
     * Worked out from the start dates alone, so it holds even where a read model's end dates lag behind. Empty
     * before the first version.
     */
    static Optional<PriceVersion> inForceOn(Collection<PriceVersion> versions, LocalDate date) {
        return versions.stream()
                .filter(version -> !version.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(PriceVersion::effectiveFrom).thenComparingInt(PriceVersion::version));
    }
}
