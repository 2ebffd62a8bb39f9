package org.subledger.kernel.account;

import java.util.List;

/** One page of account summaries. */
public record AccountPage(List<AccountSummary> content, int page, int size, long totalElements) {
}
