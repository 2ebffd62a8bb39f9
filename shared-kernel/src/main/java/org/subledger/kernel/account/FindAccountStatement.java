package org.subledger.kernel.account;

/** A page of an account's statement, oldest posting first. Answer: {@link StatementPage}. */
public record FindAccountStatement(String accountId, int page, int size) {
}
