package org.subledger.kernel.wallet;

/**
 * Every account has at most one wallet, its own event stream beside the account's (the account's stream is the
 * receivable's; the wallet holds the customer's prepaid funds), so the wallet's id follows from the account's.
 */
public final class WalletIds {

    private WalletIds() {
    }

    public static String of(String accountId) {
        return "wallet-" + accountId;
    }
}
