package org.subledger.kernel.wallet;

import org.subledger.kernel.money.Money;

import java.util.Currency;
import java.util.HashSet;
import java.util.Set;

/**
 * The one fold of a wallet's event stream, used by the wallet aggregate and by billing (which settles prepaid bills
 * from it in the bill's own transaction): its account, currency, balance, and the ids already applied (top-ups,
 * transfers, settled bills), by which a repeat is recognised. Usage consumptions are not remembered here: a usage
 * record is recorded once by its own id, so its consumption cannot repeat. Its fields are the wallet's snapshot.
 */
public final class WalletState {

    private String walletId;
    private String accountId;
    private Currency currency;
    private Money balance;
    private Set<String> topUps = new HashSet<>();
    private Set<String> transfers = new HashSet<>();
    private Set<String> settledBills = new HashSet<>();

    public WalletState apply(Object event) {
        if (event instanceof WalletMovement movement) {
            walletId = movement.walletId();
            accountId = movement.accountId();
            currency = movement.amount().currency();
            balance = movement.balanceAfter();
        } else if (event instanceof WalletSettlementRefused refused && walletId == null) {
            // a wallet never topped up refuses its first prepaid bill: the stream starts with the refusal
            walletId = refused.walletId();
            accountId = refused.accountId();
        }
        if (event instanceof WalletToppedUp toppedUp) {
            topUps.add(toppedUp.topUpId());
        } else if (event instanceof WalletFundsTransferredOut out) {
            transfers.add(out.transferId());
        } else if (event instanceof WalletFundsTransferredIn in) {
            transfers.add(in.transferId());
        } else if (event instanceof WalletConsumed consumed && consumed.billId() != null) {
            settledBills.add(consumed.billId());
        }
        return this;
    }

    /** A wallet that has had no movement yet holds nothing (and has no currency). */
    public boolean opened() {
        return balance != null;
    }

    public String walletId() {
        return walletId;
    }

    public String accountId() {
        return accountId;
    }

    public Currency currency() {
        return currency;
    }

    /** The balance in {@code inCurrency}: zero for a wallet never opened. */
    public Money balance(Currency inCurrency) {
        return balance != null ? balance : Money.zero(inCurrency);
    }

    /** The balance covers {@code amount} (equal is enough: a wallet may be emptied, never overdrawn). */
    public boolean covers(Money amount) {
        return !amount.isGreaterThan(balance(amount.currency()));
    }

    public boolean toppedUp(String topUpId) {
        return topUps.contains(topUpId);
    }

    public boolean transferred(String transferId) {
        return transfers.contains(transferId);
    }

    public boolean settled(String billId) {
        return settledBills.contains(billId);
    }
}
