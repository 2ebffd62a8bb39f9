package org.subledger.kernel.wallet;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.catalog.PrepaidSettlement;
import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.money.Money;

/**
 * A prepaid subscription's bill could not be settled from the wallet: its balance was below the bill's total. The
 * bill stays owed on the account; under {@code WALLET_OR_DEACTIVATE} the subscription is deactivated until a top-up
 * pays it. Nothing left the wallet.
 */
@Revision("1")
public record WalletSettlementRefused(String walletId, String accountId, String subscriptionId, String billId,
                                      Money amount, Money balance, PrepaidSettlement settlement)
        implements DomainEvent {
}
