package org.subledger.query.wallet;

import org.subledger.kernel.money.Money;

/**
 * An account's wallet at a glance, as the customer overview shows it: its balance, how many movements it has had, and
 * the last of them (none for a wallet that never moved, whose balance is zero in the account's currency).
 */
public record WalletGlance(Money balance, long movements, WalletView.Movement lastMovement) {

    static WalletGlance of(WalletView wallet) {
        return new WalletGlance(wallet.balance(), wallet.totalElements(),
                wallet.movements().isEmpty() ? null : wallet.movements().get(0));
    }
}
