package org.subledger.kernel.account;

/** The account summary as the read model has it now. Answer: {@code Optional<AccountSummary>}. */
public record FindAccount(String accountId) {
}
