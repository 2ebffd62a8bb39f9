package org.subledger.query.wallet;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.FindAccount;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.wallet.FindWallet;
import org.subledger.kernel.wallet.WalletIds;
import org.subledger.kernel.wallet.WalletPage;
import org.subledger.query.access.ReadScopes;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * An account's wallet: its balance and movements, newest first, from the read model. An account whose wallet never
 * moved shows a zero balance in the account's currency. Readable by whoever may read the account.
 */
@RestController
@Validated
@RequestMapping("/api/accounts/{accountId}/wallet")
class WalletQueryController {

    private final QueryGateway queryGateway;
    private final WalletHistory history;

    WalletQueryController(QueryGateway queryGateway, WalletHistory history) {
        this.queryGateway = queryGateway;
        this.history = history;
    }

    @GetMapping
    @Operation(summary = "The account's wallet: its balance and its movements, newest first; as it stood at asOf")
    public WalletView wallet(@PathVariable String accountId,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(WalletQueryHandler.MAX_PAGE_SIZE) int size,
                             @RequestParam(required = false) Instant asOf,
                             AccessScope scope) {
        AccountSummary account = queryGateway.query(new FindAccount(accountId),
                ResponseTypes.optionalInstanceOf(AccountSummary.class)).join()
                .orElseThrow(() -> notFound(accountId));
        ReadScopes.requireAccount(scope, accountId, account.owningUnit(),
                notFound(accountId));
        if (asOf != null) {
            if (asOf.isBefore(account.openedAt())) {
                throw new LedgerRefusal(ErrorCode.ACCOUNT_NOT_YET_OPENED, "Account " + accountId + " was opened at "
                        + account.openedAt() + ", after " + asOf + ".",
                        Map.of("asOf", "is before the account was opened (" + account.openedAt() + ")"));
            }
            return WalletView.of(history.asOf(accountId, Currency.getInstance(account.currency()), asOf, page, size));
        }
        return WalletView.of(queryGateway.query(new FindWallet(accountId, page, size),
                        ResponseTypes.optionalInstanceOf(WalletPage.class)).join()
                .orElseGet(() -> new WalletPage(accountId, WalletIds.of(accountId),
                        Money.zero(Currency.getInstance(account.currency())), List.of(), page, size, 0)));
    }

    private static LedgerRefusal notFound(String accountId) {
        return new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No account " + accountId + ".");
    }
}
