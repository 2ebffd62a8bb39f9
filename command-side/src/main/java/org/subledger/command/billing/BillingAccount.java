package org.subledger.command.billing;

import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.money.Money;

import java.util.Currency;
import java.util.Map;

/**
 * What billing needs of the account billed, folded from the account's own stream: its currency, its balance (for the
 * posting's balance after), the account's facts price-plan apply conditions look at (customer type, classification,
 * credit rating), whether it is closed, and the stream's last sequence number (for appending to it).
 */
public record BillingAccount(String accountId,
                             Currency currency,
                             Money balance,
                             Map<ConditionAttribute, String> conditionFacts,
                             boolean closed,
                             long lastSequenceNumber) {
    public BillingAccount {
        conditionFacts = Map.copyOf(conditionFacts == null ? Map.of() : conditionFacts);
    }

    /** The account after a posting that moved its balance and appended one event. */
    public BillingAccount posted(Money balanceEffect) {
        return new BillingAccount(accountId, currency, balance.plus(balanceEffect), conditionFacts, closed,
                lastSequenceNumber + 1);
    }
}
