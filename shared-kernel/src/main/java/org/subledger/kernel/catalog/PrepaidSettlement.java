package org.subledger.kernel.catalog;

/**
 * How the bills of a prepaid billing term scheme are paid. {@code ACCOUNT}: posted to the account like any other bill
 * (the default, and what every scheme did before wallets). {@code WALLET}: settled from the account's wallet as they
 * are billed ("funds available in Wallets are used to settle Prepaid Subscriptions"): usage the wallet cannot cover is
 * refused; a recurring bill it cannot cover stays owed on the account until a top-up pays it.
 * {@code WALLET_OR_DEACTIVATE}: as {@code WALLET}, and a subscription whose recurring bill the wallet cannot cover is
 * deactivated until a top-up pays the bill, then reactivated.
 */
public enum PrepaidSettlement {
    ACCOUNT,
    WALLET,
    WALLET_OR_DEACTIVATE;

    public boolean fromWallet() {
        return this != ACCOUNT;
    }
}
