package org.subledger.kernel.wallet;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;

/** Funds left this wallet for another account's wallet ({@code toWalletId}); recorded with its arrival there. */
@Revision("1")
public record WalletFundsTransferredOut(String walletId, String accountId, String transferId, String toWalletId,
                                        String toAccountId, Money amount, String note, Money balanceAfter)
        implements WalletMovement {
    @Override
    public Money balanceEffect() {
        return amount.negate();
    }

    @Override
    public String reference() {
        return toAccountId;
    }
}
