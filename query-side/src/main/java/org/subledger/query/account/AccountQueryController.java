package org.subledger.query.account;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import org.subledger.kernel.account.AccountPage;
import org.subledger.kernel.account.AccountStatus;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.FindAccount;
import org.subledger.kernel.account.FindAccountStatement;
import org.subledger.kernel.account.ListAccounts;
import org.subledger.kernel.account.StatementPage;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.query.access.ReadScopes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The query API of accounts: read models through the query bus, and past states rebuilt from the event store. Open
 * to every authenticated user; it changes nothing.
 */
@RestController
@Validated
@RequestMapping("/api/accounts")
class AccountQueryController {

    private final QueryGateway queryGateway;
    private final AccountHistory history;
    private final OverdueAccounts overdue;
    private final SubscriptionReceivables subscriptionReceivables;
    private final Clock clock;

    AccountQueryController(QueryGateway queryGateway, AccountHistory history, OverdueAccounts overdue,
                           SubscriptionReceivables subscriptionReceivables, Clock clock) {
        this.queryGateway = queryGateway;
        this.history = history;
        this.overdue = overdue;
        this.subscriptionReceivables = subscriptionReceivables;
        this.clock = clock;
    }

    /**
     * What each subscription of the account owes on its own sections of bills (what a deactivation run read per
     * subscription counts), with what of it is overdue on the ledger's today, or, with {@code asOf} (an ISO-8601
     * instant), as the allocations then stood, overdue on that instant's date (UTC). Only subscriptions owing
     * something are listed, in subscription id order.
     */
    @GetMapping("/{accountId}/receivables/subscriptions")
    @Operation(summary = "What each subscription of an account owes on its own bill sections, now or at asOf")
    public java.util.List<SubscriptionReceivables.SubscriptionOwing> subscriptionReceivables(
            @PathVariable String accountId, @RequestParam(required = false) Instant asOf, AccessScope scope) {
        AccountSummary account = readable(find(accountId), accountId, scope);
        if (asOf == null) {
            return subscriptionReceivables.now(accountId, LocalDate.now(clock));
        }
        var receivables = history.receivablesAsOf(accountId, asOf).orElseThrow(() -> new LedgerRefusal(
                ErrorCode.ACCOUNT_NOT_YET_OPENED, "Account " + accountId + " was opened at " + account.openedAt()
                + ", after " + asOf + ".", Map.of("asOf", "is before the account was opened ("
                + account.openedAt() + ")")));
        return subscriptionReceivables.of(receivables, LocalDate.ofInstant(asOf, java.time.ZoneOffset.UTC));
    }

    /**
     * The account now, or as it stood at {@code asOf} (an ISO-8601 instant) when given; its overdue figures on the
     * ledger's today, or on {@code asOf}'s date (UTC) as the allocations then stood.
     */
    @GetMapping("/{accountId}")
    @Operation(summary = "An account now, or as it stood at asOf")
    public AccountView account(@PathVariable String accountId, @RequestParam(required = false) Instant asOf,
                               AccessScope scope) {
        if (asOf == null) {
            AccountSummary account = readable(find(accountId), accountId, scope);
            return AccountView.of(account, overdue.of(accountId, LocalDate.now(clock)));
        }
        Optional<AccountHistory.Then> then = history.stateAsOf(accountId, asOf);
        if (then.isEmpty()) {
            // an account that exists now (and the caller may see) was not open yet: say so, not "no such account"
            AccountSummary now = readable(find(accountId), accountId, scope);
            throw new LedgerRefusal(ErrorCode.ACCOUNT_NOT_YET_OPENED, "Account " + accountId + " was opened at "
                    + now.openedAt() + ", after " + asOf + ".",
                    Map.of("asOf", "is before the account was opened (" + now.openedAt() + ")"));
        }
        return AccountView.of(readable(then.map(AccountHistory.Then::summary), accountId, scope),
                then.get().overdue());
    }

    /**
     * A page of accounts, optionally only those in one settlement status, and only those owing more than
     * {@code overdueMoreThan} on bills due more than {@code dueDaysAgo} days before the ledger's today (either given:
     * the other defaults to 0, so {@code overdueMoreThan=0} lists every account with anything overdue).
     */
    @GetMapping
    @Operation(summary = "Accounts the caller may read, by status, paged")
    public PageView<AccountView> accounts(@RequestParam(required = false) AccountStatus status,
                                          @RequestParam(required = false) @DecimalMin("0")
                                          @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 4)
                                          BigDecimal overdueMoreThan,
                                          @RequestParam(required = false) @Min(0) @Max(36_500) Integer dueDaysAgo,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "50") @Min(1)
                                          @Max(AccountQueryHandler.MAX_PAGE_SIZE) int size,
                                          AccessScope scope) {
        LocalDate today = LocalDate.now(clock);
        boolean overdueOnly = overdueMoreThan != null || dueDaysAgo != null;
        LocalDate dueBefore = overdueOnly ? today.minusDays(dueDaysAgo == null ? 0 : dueDaysAgo) : null;
        BigDecimal moreThan = overdueOnly ? (overdueMoreThan == null ? BigDecimal.ZERO : overdueMoreThan) : null;
        AccountPage accounts = queryGateway.query(new ListAccounts(status, page, size, scope, moreThan, dueBefore),
                AccountPage.class).join();
        Map<String, OverdueAccounts.Overdue> figures = overdue.of(
                accounts.content().stream().map(AccountSummary::accountId).toList(), today);
        return PageView.of(accounts.content(), account -> AccountView.of(account, figures.get(account.accountId())),
                accounts.page(), accounts.size(), accounts.totalElements());
    }

    @GetMapping("/{accountId}/statement")
    @Operation(summary = "An account's statement: its postings with the running balance, paged")
    public StatementView statement(@PathVariable String accountId,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1)
                                   @Max(AccountQueryHandler.MAX_PAGE_SIZE) int size,
                                   AccessScope scope) {
        AccountSummary account = readable(find(accountId), accountId, scope);
        StatementPage statement = queryGateway.query(new FindAccountStatement(accountId, page, size),
                StatementPage.class).join();
        return StatementView.of(statement, account.currency());
    }

    private Optional<AccountSummary> find(String accountId) {
        return queryGateway.query(new FindAccount(accountId), ResponseTypes.optionalInstanceOf(AccountSummary.class))
                .join();
    }

    private static AccountSummary readable(Optional<AccountSummary> found, String accountId, AccessScope scope) {
        AccountSummary account = found.orElseThrow(() -> notFound(accountId));
        ReadScopes.requireAccount(scope, accountId, account.owningUnit(), notFound(accountId));
        return account;
    }

    private static LedgerRefusal notFound(String accountId) {
        return new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No account " + accountId + ".");
    }
}
