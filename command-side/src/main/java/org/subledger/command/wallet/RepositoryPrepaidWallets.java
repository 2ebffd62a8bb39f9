package org.subledger.command.wallet;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.wallet.WalletIds;

import java.util.Currency;
import java.util.Map;

/** Loads wallets from their aggregates' repository, in the calling command's unit of work. */
@Component
class RepositoryPrepaidWallets implements PrepaidWallets {

    private final Repository<Wallet> repository;

    RepositoryPrepaidWallets(@Lazy @Qualifier("walletRepository") Repository<Wallet> repository) {
        this.repository = repository;
    }

    @Override
    public PrepaidWallet of(String accountId) {
        try {
            return new Loaded(repository.load(WalletIds.of(accountId)));
        } catch (AggregateNotFoundException neverOpened) {
            return new Empty(accountId);
        }
    }

    private record Loaded(Aggregate<Wallet> wallet) implements PrepaidWallet {

        @Override
        public Money balance(Currency currency) {
            return wallet.invoke(loaded -> loaded.balance(currency));
        }

        @Override
        public void consume(String subscriptionId, String recordId, Money amount) {
            wallet.execute(loaded -> loaded.consumeForUsage(subscriptionId, recordId, amount));
        }
    }

    private record Empty(String accountId) implements PrepaidWallet {

        @Override
        public Money balance(Currency currency) {
            return Money.zero(currency);
        }

        @Override
        public void consume(String subscriptionId, String recordId, Money amount) {
            throw new LedgerRefusal(ErrorCode.WALLET_INSUFFICIENT_FUNDS, "Account " + accountId
                    + " has no funds in its wallet", Map.of("amount", "is more than the wallet holds"));
        }
    }
}
