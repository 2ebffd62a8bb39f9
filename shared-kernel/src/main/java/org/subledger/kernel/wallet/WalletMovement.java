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
}
