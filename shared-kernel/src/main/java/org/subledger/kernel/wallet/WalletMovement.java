package org.subledger.kernel.wallet;

import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.money.Money;

/** An event that moved a wallet's balance: what it moved (signed) and the balance after it, never below zero. */
public interface WalletMovement extends DomainEvent {

    String walletId();

    String accountId();

    Money amount();

    Money balanceAfter();

    /** The amount with its effect's sign: positive into the wallet, negative out of it. */
    Money balanceEffect();

    /** What the movement names: the top-up's reference, the other wallet of a transfer, the bill or usage record. */
    String reference();

    /** The movement's kind as the wallet's movements name it: TOP_UP, TRANSFER_IN, TRANSFER_OUT or CONSUMPTION. */
    static String kindOf(WalletMovement movement) {
        if (movement instanceof WalletToppedUp) {
            return "TOP_UP";
        } else if (movement instanceof WalletFundsTransferredIn) {
            return "TRANSFER_IN";
        } else if (movement instanceof WalletFundsTransferredOut) {
            return "TRANSFER_OUT";
        } else if (movement instanceof WalletConsumed) {
            return "CONSUMPTION";
        }
        throw new IllegalArgumentException("Unknown wallet movement " + movement.getClass().getName());
    }
}
