package org.subledger.query.customer;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.query.account.AccountView;
import org.subledger.kernel.account.FindAccount;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.query.InstalledItemRecord;
import org.subledger.kernel.subscription.query.SubscribedService;
import org.subledger.kernel.subscription.query.SubscriptionSummary;
import org.subledger.query.subscription.SubscriptionReadModel;

import java.util.List;

/**
 * What a call-centre agent sees of a customer at a glance: the account (balance, credit limit, status) and each of
 * its subscriptions with the services effective on it and the items installed. Read models only; eventually
 * consistent like them.
 */
@RestController
@RequestMapping("/api/customers")
class CustomerOverviewController {

    private final QueryGateway queryGateway;
    private final SubscriptionReadModel subscriptions;

    CustomerOverviewController(QueryGateway queryGateway, SubscriptionReadModel subscriptions) {
        this.queryGateway = queryGateway;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/{accountId}/overview")
    public CustomerOverview overview(@PathVariable String accountId) {
        AccountSummary account = queryGateway.query(new FindAccount(accountId),
                        ResponseTypes.optionalInstanceOf(AccountSummary.class)).join()
                .orElseThrow(() -> new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No account " + accountId + "."));
        List<SubscriptionOverview> owned = subscriptions.subscriptionsOf(accountId).stream()
                .map(subscription -> new SubscriptionOverview(subscription,
                        subscriptions.services(subscription.subscriptionId()),
                        subscriptions.installedItems(subscription.subscriptionId())))
                .toList();
        return new CustomerOverview(AccountView.of(account), owned);
    }

    /** The account (as {@code GET /api/accounts/{id}} shows it) and its subscriptions, oldest first. */
    public record CustomerOverview(AccountView account, List<SubscriptionOverview> subscriptions) {
    }

    /** One subscription with its effective services and installed items. */
    public record SubscriptionOverview(SubscriptionSummary subscription,
                                       List<SubscribedService> services,
                                       List<InstalledItemRecord> installedItems) {
    }
}
