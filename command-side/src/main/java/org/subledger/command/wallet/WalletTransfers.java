package org.subledger.command.wallet;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.command.subscription.AccountFacts;
import org.subledger.command.subscription.SubscriptionLookup;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.wallet.TransferWalletFunds;
import org.subledger.kernel.wallet.WalletIds;

import java.util.Map;

/**
 * Moves funds between two accounts' wallets in one unit of work: both wallets are loaded (and locked) in the order of
 * their ids, so two opposite transfers never wait for each other, and both events commit together or not at all.
 * The caller may change the paying account; the receiving one need only exist, be open and share its currency.
 */
@Component
class WalletTransfers {

    private final Repository<Wallet> wallets;

    WalletTransfers(@Lazy @Qualifier("walletRepository") Repository<Wallet> wallets) {
        this.wallets = wallets;
    }

    @CommandHandler
    String handle(TransferWalletFunds command, SubscriptionLookup lookup, MetaData metaData) {
        WalletRules.requireText(command.transferId(), "transferId");
        WalletRules.requireText(command.toAccountId(), "toAccountId");
        AccountFacts from = WalletRules.account(lookup, command.fromAccountId(), metaData);
        if (from.accountId().equals(command.toAccountId())) {
            throw WalletRules.invalid("toAccountId", "must be another account");
        }
        AccountFacts to = WalletRules.account(lookup, command.toAccountId(), MetaData.emptyInstance());
        Money amount = WalletRules.amount(command.amount(), command.currency(), from.currency());
        if (!to.currency().equals(from.currency())) {
            throw new LedgerRefusal(ErrorCode.CURRENCY_MISMATCH, "Account " + to.accountId() + " is kept in "
                    + to.currency().getCurrencyCode() + ", not " + from.currency().getCurrencyCode(),
                    Map.of("toAccountId", "must be kept in " + from.currency().getCurrencyCode()));
        }
        String fromId = WalletIds.of(from.accountId());
        String toId = WalletIds.of(to.accountId());
        Aggregate<Wallet> first = load(fromId.compareTo(toId) < 0 ? fromId : toId);
        Aggregate<Wallet> second = load(fromId.compareTo(toId) < 0 ? toId : fromId);
        Aggregate<Wallet> paying = fromId.compareTo(toId) < 0 ? first : second;
        Aggregate<Wallet> receiving = paying == first ? second : first;
        if (paying.invoke(wallet -> wallet.transferred(command.transferId()))) {
            return command.transferId();
        }
        paying.execute(wallet -> wallet.transferOut(command.transferId(), to.accountId(), amount, command.note()));
        receiving.execute(wallet -> wallet.transferIn(to.accountId(), command.transferId(), from.accountId(), amount,
                command.note()));
        return command.transferId();
    }

    private Aggregate<Wallet> load(String walletId) {
        try {
            return wallets.loadOrCreate(walletId, Wallet::new);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // only the factory declares a checked exception, and Wallet::new throws none
            throw new IllegalStateException(e);
        }
    }
}
