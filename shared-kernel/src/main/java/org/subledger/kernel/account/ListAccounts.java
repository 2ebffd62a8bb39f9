package org.subledger.kernel.account;

/** A page of account summaries, optionally only those in one settlement status. Answer: {@link AccountPage}. */
public record ListAccounts(AccountStatus status, int page, int size) {
}
