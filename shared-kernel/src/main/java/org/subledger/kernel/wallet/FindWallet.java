package org.subledger.kernel.wallet;

/** An account's wallet with a page of its movements, newest first. Answer: {@link WalletPage} (empty: no wallet). */
public record FindWallet(String accountId, int page, int size) {
}
