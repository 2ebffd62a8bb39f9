package org.subledger.kernel.catalog.query;

import java.time.LocalDate;

/**
 * A page of the catalog entries of one kind, optionally only the products of one product type or one family, or
 * only the entries valid on a date (products and usage catalogs; other kinds are always valid). Answer:
 * {@link CatalogEntryPage}.
 */
public record ListCatalogEntries(CatalogKind kind, String productTypeCode, String family, LocalDate validOn, int page,
                                 int size) {
}
