package org.subledger.query.wallet;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.wallet.FindWallet;
import org.subledger.kernel.wallet.WalletIds;
import org.subledger.kernel.wallet.WalletPage;

import java.util.Currency;
import java.util.List;

/** Reads an account's {@link WalletGlance} from the wallet read model (its newest movement and its count). */
@Component
public class WalletGlances {

    private final QueryGateway queryGateway;

    WalletGlances(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** The wallet of {@code accountId}, whose currency is {@code accountCurrency}. */
    public WalletGlance of(String accountId, String accountCurrency) {
        WalletPage newest = queryGateway.query(new FindWallet(accountId, 0, 1),
                        ResponseTypes.optionalInstanceOf(WalletPage.class)).join()
                .orElseGet(() -> new WalletPage(accountId, WalletIds.of(accountId),
                        Money.zero(Currency.getInstance(accountCurrency)), List.of(), 0, 1, 0));
        return WalletGlance.of(WalletView.of(newest));
    }
}
