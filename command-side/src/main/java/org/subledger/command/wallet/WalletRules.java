package org.subledger.command.wallet;

import org.axonframework.messaging.MetaData;
import org.subledger.command.access.CommandScopes;
import org.subledger.command.subscription.AccountFacts;
import org.subledger.command.subscription.SubscriptionLookup;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.wallet.WalletIds;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

/**
 * The input rules of wallets, checked where the wallet decides, so no path into it (HTTP, saga) records an invalid
 * movement: the account exists, is open and is the caller's to change; amounts are positive, in the account's
 * currency and no more precise than it.
 */
final class WalletRules {

    private WalletRules() {
    }

    /** The account, read from its own event stream; out of the caller's scope it is answered as unknown. */
    static AccountFacts account(SubscriptionLookup lookup, String accountId, MetaData metaData) {
        AccountFacts account = lookup.account(accountId)
                .orElseThrow(() -> new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No record with id " + accountId));
        AccessScope scope = CommandScopes.of(metaData);
        if (scope != null && !scope.mayChange(account.owningUnit())) {
            throw LedgerRefusal.outOfScope(ErrorCode.ACCOUNT_NOT_FOUND, "account", accountId,
                    "No record with id " + accountId);
        }
        if (account.closed()) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "Account " + accountId + " is closed");
        }
        return account;
    }

    static void requireWalletOf(String walletId, String accountId) {
        if (!WalletIds.of(accountId).equals(walletId)) {
            throw invalid("walletId", "must be the wallet of account " + accountId);
        }
    }

    static Money amount(BigDecimal value, Currency given, Currency accountCurrency) {
        if (value == null) {
            throw invalid("amount", "is required");
        }
        if (given != null && !given.equals(accountCurrency)) {
            throw new LedgerRefusal(ErrorCode.CURRENCY_MISMATCH, "The account is kept in "
                    + accountCurrency.getCurrencyCode() + ", not " + given.getCurrencyCode(),
                    Map.of("currency", "must be " + accountCurrency.getCurrencyCode()));
        }
        Money.inputProblem(value, accountCurrency, Money.Sign.POSITIVE).ifPresent(problem -> {
            throw invalid("amount", problem);
        });
        return Money.of(value, accountCurrency);
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is required");
        }
    }

    static LedgerRefusal invalid(String field, String problem) {
        return new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "The wallet movement is invalid: " + field + " "
                + problem, Map.of(field, problem));
    }
}
