package org.subledger.kernel.catalog.query;

import java.util.List;

/** One page of catalog entries of one kind, in code order. */
public record CatalogEntryPage(List<CatalogEntry> content, int page, int size, long totalElements) {

    public CatalogEntryPage {
        content = List.copyOf(content);
    }
}
