package org.subledger.query.customer;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.query.access.ReadableAccounts;
import org.subledger.query.job.JobReadModel;
import org.subledger.query.job.JobSummaryView;
import org.subledger.query.account.AccountView;
import org.subledger.query.account.OverdueAccounts;
import org.subledger.kernel.subscription.query.InstalledItemRecord;
import org.subledger.kernel.subscription.query.SubscribedService;
import org.subledger.kernel.subscription.query.SubscriptionSummary;
import org.subledger.query.subscription.SubscriptionReadModel;
import org.subledger.query.wallet.WalletGlance;
import org.subledger.query.wallet.WalletGlances;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * What a call-centre agent sees of a customer at a glance: the account (balance, credit limit, status, what is
 * overdue), its wallet (balance, movements, the last one), each of its subscriptions with the services effective on
 * it and the items installed, and its jobs. Read models only; eventually consistent like them.
 */
@RestController
@RequestMapping("/api/customers")
class CustomerOverviewController {

    private final ReadableAccounts accounts;
    private final SubscriptionReadModel subscriptions;
    private final JobReadModel jobs;
    private final OverdueAccounts overdue;
    private final WalletGlances wallets;
    private final Clock clock;

    CustomerOverviewController(ReadableAccounts accounts, SubscriptionReadModel subscriptions, JobReadModel jobs,
                               OverdueAccounts overdue, WalletGlances wallets, Clock clock) {
        this.accounts = accounts;
        this.subscriptions = subscriptions;
        this.jobs = jobs;
        this.overdue = overdue;
        this.wallets = wallets;
        this.clock = clock;
    }

    /** Only what the user may read: the account, or 404 as for an unknown one, and the subscriptions of its units. */
    @GetMapping("/{accountId}/overview")
    @Operation(summary = "A customer at a glance: the account, its wallet, its subscriptions with their services and"
            + " items, its jobs")
    public CustomerOverview overview(@PathVariable String accountId, AccessScope scope) {
        AccountSummary account = accounts.readable(accountId, scope);
        List<SubscriptionOverview> owned = subscriptions.subscriptionsOf(accountId, scope).stream()
                .map(subscription -> new SubscriptionOverview(subscription,
                        subscriptions.services(subscription.subscriptionId()),
                        subscriptions.installedItems(subscription.subscriptionId())))
                .toList();
        return new CustomerOverview(AccountView.of(account, overdue.of(accountId, LocalDate.now(clock))),
                wallets.of(accountId, account.currency()), owned, jobs.jobsOf(accountId, scope));
    }

    /**
     * The account (as {@code GET /api/accounts/{id}} shows it), its wallet (as {@code GET .../wallet} shows it, the
     * last movement only), its subscriptions and its jobs, oldest first.
     */
    public record CustomerOverview(AccountView account, WalletGlance wallet, List<SubscriptionOverview> subscriptions,
                                   List<JobSummaryView> jobs) {
    }

    /** One subscription with its effective services and installed items. */
    public record SubscriptionOverview(SubscriptionSummary subscription,
                                       List<SubscribedService> services,
                                       List<InstalledItemRecord> installedItems) {
    }
}
