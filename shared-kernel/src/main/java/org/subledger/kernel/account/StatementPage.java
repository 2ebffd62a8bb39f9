package org.subledger.kernel.account;

import java.util.List;

/** One page of an account's statement. */
public record StatementPage(String accountId, List<StatementLine> content, int page, int size, long totalElements) {
}
