package org.subledger.query.account;

import org.subledger.kernel.account.StatementPage;

import java.util.List;

/** One page of an account's statement, oldest posting first, in the paged shape of the query API. */
public record StatementView(String accountId,
                            String currency,
                            List<StatementLineView> content,
                            int page,
                            int size,
                            long totalElements,
                            long totalPages) {

    static StatementView of(StatementPage page, String currency) {
        return new StatementView(page.accountId(), currency,
                page.content().stream().map(StatementLineView::of).toList(), page.page(), page.size(),
                page.totalElements(), PageView.totalPages(page.totalElements(), page.size()));
    }
}
