package org.subledger.query.catalog;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.subledger.kernel.catalog.ProductRateSet;
import org.subledger.kernel.catalog.query.PriceVersion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A price plan in the query API: the entry, and every price version of every product in it (by product, then
 * version), past ones included, each with the dates it is in force ({@code effectiveTo} exclusive, null: open).
 */
public record PricePlanView(@JsonUnwrapped CatalogEntryView plan, List<PriceVersion> rates) {

    /**
     * The plan with the price versions its events had set by then: a version is in force until the next version of
     * its product begins, as the price-version read model closes it.
     */
    static PricePlanView asOf(CatalogEntryView plan, List<ProductRateSet> set) {
        List<ProductRateSet> ordered = set.stream().sorted(Comparator.comparing(ProductRateSet::productCode)
                .thenComparingInt(ProductRateSet::version)).toList();
        List<PriceVersion> rates = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            ProductRateSet version = ordered.get(i);
            ProductRateSet next = i + 1 < ordered.size() ? ordered.get(i + 1) : null;
            boolean closed = next != null && next.productCode().equals(version.productCode());
            rates.add(new PriceVersion(version.pricePlanCode(), version.productCode(), version.version(),
                    version.classification(), version.effectiveFrom(), closed ? next.effectiveFrom() : null,
                    version.rate()));
        }
        return new PricePlanView(plan, List.copyOf(rates));
    }
}
