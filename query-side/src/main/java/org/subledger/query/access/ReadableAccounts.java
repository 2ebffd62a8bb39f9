package org.subledger.query.access;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.FindAccount;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

/** The account a reader asks about (its bills, subscriptions, overview), or ACCOUNT_NOT_FOUND: unknown or not theirs. */
@Component
public class ReadableAccounts {

    private final QueryGateway queryGateway;

    ReadableAccounts(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    public AccountSummary readable(String accountId, AccessScope scope) {
        AccountSummary account = queryGateway.query(new FindAccount(accountId),
                        ResponseTypes.optionalInstanceOf(AccountSummary.class)).join()
                .orElseThrow(() -> notFound(accountId));
        ReadScopes.requireAccount(scope, accountId, account.owningUnit(), notFound(accountId));
        return account;
    }

    private static LedgerRefusal notFound(String accountId) {
        return new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No account " + accountId + ".");
    }
}
