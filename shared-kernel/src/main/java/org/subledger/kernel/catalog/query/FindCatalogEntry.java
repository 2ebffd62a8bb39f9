package org.subledger.kernel.catalog.query;

/** The catalog entry of this kind with this code. Answer: {@code Optional<CatalogEntry>}. */
public record FindCatalogEntry(CatalogKind kind, String code) {
}
