package org.subledger.kernel.wallet;

import java.math.BigDecimal;
import java.util.Currency;

/** Move funds from one account's wallet to another's; a repeated {@code transferId} moves them once. */
public record TransferWalletFunds(String fromAccountId, String toAccountId, String transferId, BigDecimal amount,
                                  Currency currency, String note) {
}
