package org.subledger.kernel.wallet;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;

/** Funds arrived in this wallet from another account's wallet ({@code fromWalletId}). */
@Revision("1")
public record WalletFundsTransferredIn(String walletId, String accountId, String transferId, String fromWalletId,
                                       String fromAccountId, Money amount, String note, Money balanceAfter)
        implements WalletMovement {
    @Override
    public Money balanceEffect() {
        return amount;
    }

    @Override
    public String reference() {
        return fromAccountId;
    }
}
