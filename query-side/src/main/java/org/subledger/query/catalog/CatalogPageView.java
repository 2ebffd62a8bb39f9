package org.subledger.query.catalog;

import org.subledger.kernel.catalog.query.CatalogEntryPage;

import java.util.List;

/** One page of catalog entries: {@code page} counts from 0; {@code totalPages} is 0 when the list is empty. */
public record CatalogPageView(List<CatalogEntryView> content, int page, int size, long totalElements,
                              long totalPages) {

    static CatalogPageView of(CatalogEntryPage page) {
        return new CatalogPageView(page.content().stream().map(CatalogEntryView::of).toList(), page.page(),
                page.size(), page.totalElements(), (page.totalElements() + page.size() - 1) / page.size());
    }
}
