package org.subledger.command.wallet;

import org.subledger.kernel.money.Money;

import java.util.Currency;

/**
 * The wallets prepaid usage is paid from, as it is recorded: called by a subscription's command handler inside its
 * unit of work, so a consumption commits with the usage it pays for, or not at all. Injected as a handler parameter.
 */
public interface PrepaidWallets {

    /** The account's wallet, loaded (and locked) in the caller's unit of work; a wallet never opened holds nothing. */
    PrepaidWallet of(String accountId);

    /** One wallet as the caller decides on it. */
    interface PrepaidWallet {

        Money balance(Currency currency);

        /**
         * Pays a usage record's charge from the wallet.
         *
         * @throws org.subledger.kernel.error.LedgerRefusal {@code WALLET_INSUFFICIENT_FUNDS} when it holds less
         */
        void consume(String subscriptionId, String recordId, Money amount);
    }
}
