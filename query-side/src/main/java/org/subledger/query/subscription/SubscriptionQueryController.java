package org.subledger.query.subscription;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.query.InstalledItemRecord;
import org.subledger.kernel.subscription.query.SubscribedService;
import org.subledger.kernel.subscription.query.SubscriptionSummary;
import org.subledger.query.access.ReadableAccounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query API of subscriptions: read models through the query bus, and past states rebuilt from the event store.
 * Open to every authenticated user; it changes nothing.
 */
@RestController
@RequestMapping("/api")
class SubscriptionQueryController {

    private final SubscriptionReadModel readModel;
    private final SubscriptionHistory history;
    private final ReadableAccounts accounts;

    SubscriptionQueryController(SubscriptionReadModel readModel, SubscriptionHistory history,
                                ReadableAccounts accounts) {
        this.readModel = readModel;
        this.history = history;
        this.accounts = accounts;
    }

    /** The subscription now, or as it stood at {@code asOf} (an ISO-8601 instant) when given. */
    @GetMapping("/subscriptions/{subscriptionId}")
    @Operation(summary = "A subscription now, or as it stood at asOf")
    public SubscriptionSummary subscription(@PathVariable String subscriptionId,
                                            @RequestParam(required = false) Instant asOf,
                                            AccessScope scope) {
        if (asOf == null) {
            return SubscriptionReadModel.readable(readModel.subscription(subscriptionId), subscriptionId, scope);
        }
        Optional<SubscriptionSummary> then = history.asOf(subscriptionId, asOf);
        if (then.isEmpty()) {
            // one that exists now (and the caller may see) was not created yet: say so, not "no such subscription"
            SubscriptionSummary now = SubscriptionReadModel.readable(readModel.subscription(subscriptionId),
                    subscriptionId, scope);
            throw new LedgerRefusal(ErrorCode.SUBSCRIPTION_NOT_YET_CREATED, "Subscription " + subscriptionId
                    + " was created after " + asOf + " (on " + now.createdOn() + ").",
                    Map.of("asOf", "is before the subscription was created"));
        }
        return SubscriptionReadModel.readable(then, subscriptionId, scope);
    }

    /** The services effective on the subscription now. */
    @GetMapping("/subscriptions/{subscriptionId}/services")
    @Operation(summary = "A subscription's services")
    public List<SubscribedService> services(@PathVariable String subscriptionId, AccessScope scope) {
        readModel.readable(subscriptionId, scope);
        return readModel.services(subscriptionId);
    }

    /** The items installed on the subscription now. */
    @GetMapping("/subscriptions/{subscriptionId}/installed-items")
    @Operation(summary = "Equipment installed for a subscription")
    public List<InstalledItemRecord> installedItems(@PathVariable String subscriptionId, AccessScope scope) {
        readModel.readable(subscriptionId, scope);
        return readModel.installedItems(subscriptionId);
    }

    /** The account's subscriptions, oldest first. */
    @GetMapping("/accounts/{accountId}/subscriptions")
    @Operation(summary = "An account's subscriptions")
    public List<SubscriptionSummary> subscriptionsOf(@PathVariable String accountId, AccessScope scope) {
        accounts.readable(accountId, scope);
        return readModel.subscriptionsOf(accountId, scope);
    }

    /** Where the item with this serial number is installed, or was last installed. */
    @GetMapping("/installed-items/{serialNumber}")
    @Operation(summary = "An installed item by its serial number")
    public InstalledItemRecord installedItem(@PathVariable String serialNumber, AccessScope scope) {
        var missing = new LedgerRefusal(ErrorCode.NOT_FOUND,
                "No installed item with serial number " + serialNumber + ".");
        InstalledItemRecord item = readModel.installedItem(serialNumber).orElseThrow(() -> missing);
        if (scope != null && !scope.superUser() && !scope.superReader()) {
            // the item is the subscription's: shown to who may read the subscription
            var subscription = readModel.subscription(item.subscriptionId());
            if (subscription.isEmpty() || !scope.mayReadAccount(subscription.get().accountId(),
                    subscription.get().owningUnit())) {
                throw LedgerRefusal.outOfScope(ErrorCode.NOT_FOUND, "installed-item", serialNumber,
                        missing.getMessage());
            }
        }
        return item;
    }
}
