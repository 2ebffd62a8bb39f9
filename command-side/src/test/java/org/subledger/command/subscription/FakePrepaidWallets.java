package org.subledger.command.subscription;

import org.subledger.command.wallet.PrepaidWallets;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Wallets held in memory for fixture tests: what each account's wallet holds, and what was taken from it. */
class FakePrepaidWallets implements PrepaidWallets {

    record Consumption(String accountId, String subscriptionId, String recordId, Money amount) {
    }

    private final Map<String, Money> balances = new HashMap<>();
    final List<Consumption> consumed = new ArrayList<>();

    FakePrepaidWallets holding(String accountId, Money balance) {
        balances.put(accountId, balance);
        return this;
    }

    @Override
    public PrepaidWallet of(String accountId) {
        return new PrepaidWallet() {
            @Override
            public Money balance(Currency currency) {
                return balances.getOrDefault(accountId, Money.zero(currency));
            }

            @Override
            public void consume(String subscriptionId, String recordId, Money amount) {
                Money left = balance(amount.currency()).minus(amount);
                if (left.isNegative()) {
                    throw new LedgerRefusal(ErrorCode.WALLET_INSUFFICIENT_FUNDS, "overdrawn");
                }
                balances.put(accountId, left);
                consumed.add(new Consumption(accountId, subscriptionId, recordId, amount));
            }
        };
    }
}
