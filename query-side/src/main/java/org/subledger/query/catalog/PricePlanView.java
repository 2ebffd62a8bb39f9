package org.subledger.query.catalog;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.subledger.kernel.catalog.query.PriceVersion;

import java.util.List;

/**
 * A price plan in the query API: the entry, and every price version of every product in it (by product, then
 * version), past ones included, each with the dates it is in force ({@code effectiveTo} exclusive, null: open).
 */
public record PricePlanView(@JsonUnwrapped CatalogEntryView plan, List<PriceVersion> rates) {
}
