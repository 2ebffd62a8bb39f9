package org.subledger.kernel.wallet;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;

/**
 * Prepaid funds were used to settle a prepaid subscription's charge: a recurring (or bought-in-advance) bill
 * ({@code billId}, as it was issued), or a usage record as it was recorded ({@code usageRecordId}; its usage bill
 * follows). {@code consumptionId} is unique per wallet: {@code bill:<billId>} or
 * {@code usage:<subscriptionId>:<recordId>}. The same amount is recorded as a payment on the account.
 */
@Revision("1")
public record WalletConsumed(String walletId, String accountId, String consumptionId, String subscriptionId,
                             String billId, String usageRecordId, Money amount, Money balanceAfter)
        implements WalletMovement {

    public static String ofBill(String billId) {
        return "bill:" + billId;
    }

    public static String ofUsage(String subscriptionId, String recordId) {
        return "usage:" + subscriptionId + ":" + recordId;
    }

    @Override
    public Money balanceEffect() {
        return amount.negate();
    }

    @Override
    public String reference() {
        return billId != null ? billId : usageRecordId;
    }
}
