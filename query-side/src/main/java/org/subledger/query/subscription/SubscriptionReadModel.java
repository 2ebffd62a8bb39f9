package org.subledger.query.subscription;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.subledger.kernel.access.AccessScope;
import org.subledger.query.access.ReadScopes;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.query.FindInstalledItem;
import org.subledger.kernel.subscription.query.FindSubscription;
import org.subledger.kernel.subscription.query.InstalledItemRecord;
import org.subledger.kernel.subscription.query.ListAccountSubscriptions;
import org.subledger.kernel.subscription.query.ListSubscriptionInstalledItems;
import org.subledger.kernel.subscription.query.ListSubscriptionServices;
import org.subledger.kernel.subscription.query.SubscribedService;
import org.subledger.kernel.subscription.query.SubscriptionSummary;

import java.util.List;
import java.util.Optional;

/** The subscription queries through the query bus, typed, for the subscription and customer controllers. */
@Component
public class SubscriptionReadModel {

    private final QueryGateway queryGateway;

    SubscriptionReadModel(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    public Optional<SubscriptionSummary> subscription(String subscriptionId) {
        return queryGateway.query(new FindSubscription(subscriptionId),
                ResponseTypes.optionalInstanceOf(SubscriptionSummary.class)).join();
    }

    /** The subscription now, or {@code SUBSCRIPTION_NOT_FOUND}: unknown, or beyond {@code scope}. */
    public SubscriptionSummary readable(String subscriptionId, AccessScope scope) {
        return readable(subscription(subscriptionId), subscriptionId, scope);
    }

    /** The subscription found (now or as it stood), or {@code SUBSCRIPTION_NOT_FOUND}: unknown, or beyond {@code scope}. */
    public static SubscriptionSummary readable(Optional<SubscriptionSummary> found, String subscriptionId,
                                               AccessScope scope) {
        SubscriptionSummary subscription = found.orElseThrow(() -> notFound(subscriptionId));
        ReadScopes.requireSubscription(scope, subscriptionId, subscription.accountId(), subscription.owningUnit(),
                notFound(subscriptionId));
        return subscription;
    }

    /** The account's subscriptions {@code scope} may read. */
    public List<SubscriptionSummary> subscriptionsOf(String accountId, AccessScope scope) {
        return queryGateway.query(new ListAccountSubscriptions(accountId, scope),
                ResponseTypes.multipleInstancesOf(SubscriptionSummary.class)).join();
    }

    public List<SubscribedService> services(String subscriptionId) {
        return queryGateway.query(new ListSubscriptionServices(subscriptionId),
                ResponseTypes.multipleInstancesOf(SubscribedService.class)).join();
    }

    public List<InstalledItemRecord> installedItems(String subscriptionId) {
        return queryGateway.query(new ListSubscriptionInstalledItems(subscriptionId),
                ResponseTypes.multipleInstancesOf(InstalledItemRecord.class)).join();
    }

    public Optional<InstalledItemRecord> installedItem(String serialNumber) {
        return queryGateway.query(new FindInstalledItem(serialNumber),
                ResponseTypes.optionalInstanceOf(InstalledItemRecord.class)).join();
    }

    static LedgerRefusal notFound(String subscriptionId) {
        return new LedgerRefusal(ErrorCode.SUBSCRIPTION_NOT_FOUND, "No subscription " + subscriptionId + ".");
    }
}
