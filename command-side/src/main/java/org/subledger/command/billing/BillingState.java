package org.subledger.command.billing;

import org.subledger.kernel.billing.ServiceCharged;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.BillingTermsAmended;
import org.subledger.kernel.subscription.DistributorAdded;
import org.subledger.kernel.subscription.DistributorRemoved;
import org.subledger.kernel.subscription.ServiceAdded;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.subscription.ServiceSwapped;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.subscription.SubscriptionReactivated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionTerminated;
import org.subledger.kernel.usage.BillingDirectiveSet;
import org.subledger.kernel.usage.OneOffChargeAdded;
import org.subledger.kernel.usage.UsageRecorded;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What billing knows of one subscription, folded from its stream: who and what it is, its billing terms, the date
 * its billing periods count from (the anchor), how far it is billed, each stay of a termed service with how far it is
 * charged, and the usage and one-off charges not billed yet. Services follow the subscription's own event-sourcing
 * handlers, except that a removed service stays until a bill settled it, and a re-added product is a new stay.
 */
public final class BillingState {

    private String subscriptionId;
    private String accountId;
    private String subscriptionTypeCode;
    private SubscriptionState state;
    private BillingTerms billingTerms;
    private LocalDate billingAnchor;
    private LocalDate terminatedOn;
    private LocalDate billedThrough;
    private LocalDate nextBillingDateRecorded;
    private final List<ServiceEntry> services = new ArrayList<>();
    private final Map<String, UsageRecorded> unbilledUsage = new LinkedHashMap<>();
    private final Map<String, OneOffChargeAdded> unbilledOneOffCharges = new LinkedHashMap<>();

    private BillingState() {
    }

    public static BillingState empty() {
        return new BillingState();
    }

    /** A copy that events can be applied to without changing this state (the preview bills on one). */
    public BillingState copy() {
        var copy = new BillingState();
        copy.subscriptionId = subscriptionId;
        copy.accountId = accountId;
        copy.subscriptionTypeCode = subscriptionTypeCode;
        copy.state = state;
        copy.billingTerms = billingTerms;
        copy.billingAnchor = billingAnchor;
        copy.terminatedOn = terminatedOn;
        copy.billedThrough = billedThrough;
        copy.nextBillingDateRecorded = nextBillingDateRecorded;
        services.forEach(entry -> copy.services.add(entry.copy()));
        copy.unbilledUsage.putAll(unbilledUsage);
        copy.unbilledOneOffCharges.putAll(unbilledOneOffCharges);
        return copy;
    }

    /** Folds one event payload of the subscription's stream in; payloads billing does not care about are ignored. */
    public void apply(Object payload) {
        if (payload instanceof SubscriptionCreated event) {
            on(event);
        } else if (payload instanceof SubscriptionActivated event) {
            on(event);
        } else if (payload instanceof ServiceAdded event) {
            add(event.service());
        } else if (payload instanceof ServiceRemoved event) {
            end(event.productCode(), event.removedOn());
        } else if (payload instanceof ServiceSwapped event) {
            end(event.previousProductCode(), event.swappedOn());
            add(event.service());
        } else if (payload instanceof DistributorAdded event) {
            event.services().forEach(code -> openStays(code)
                    .forEach(entry -> entry.addDistributor(event.distributor().distributorId())));
        } else if (payload instanceof DistributorRemoved event) {
            services.stream().filter(ServiceEntry::isOpen).forEach(entry -> entry.removeDistributor(
                    event.distributorId()));
        } else if (payload instanceof BillingTermsAmended event) {
            billingTerms = event.billingTerms();
        } else if (payload instanceof SubscriptionDeactivated) {
            state = SubscriptionState.DEACTIVATED;
        } else if (payload instanceof SubscriptionReactivated) {
            state = SubscriptionState.EFFECTIVE;
        } else if (payload instanceof SubscriptionTerminated event) {
            on(event);
        } else if (payload instanceof BillingDirectiveSet event) {
            openStays(event.productCode()).forEach(entry -> entry.direct(event.directive()));
        } else if (payload instanceof UsageRecorded event) {
            unbilledUsage.putIfAbsent(event.recordId(), event);
        } else if (payload instanceof OneOffChargeAdded event) {
            unbilledOneOffCharges.putIfAbsent(event.chargeId(), event);
        } else if (payload instanceof SubscriptionBilled event) {
            on(event);
        }
        // UsageBillingDue and every other payload change nothing billing looks at
    }

    private void on(SubscriptionCreated event) {
        subscriptionId = event.subscriptionId();
        accountId = event.accountId();
        subscriptionTypeCode = event.subscriptionTypeCode();
        state = event.state();
        billingTerms = event.billingTerms();
        if (event.state() == SubscriptionState.EFFECTIVE) {
            billingAnchor = event.createdOn();
        }
        event.services().forEach(this::add);
    }

    private void on(SubscriptionActivated event) {
        state = SubscriptionState.EFFECTIVE;
        if (billingAnchor == null) {
            billingAnchor = event.activatedOn();
        }
        // a draft's services were never billed: the activated ones replace them, as in the aggregate
        services.clear();
        event.services().forEach(this::add);
    }

    private void on(SubscriptionTerminated event) {
        state = SubscriptionState.TERMINATED;
        terminatedOn = event.terminatedOn();
        services.forEach(entry -> entry.endOn(event.terminatedOn()));
        prune();
    }

    private void on(SubscriptionBilled event) {
        for (ServiceCharged charged : event.services()) {
            services.stream().filter(entry -> entry.is(charged.productCode(), charged.billableFrom())).findFirst()
                    .ifPresent(entry -> entry.charged(charged.chargedThrough(), charged.periodAmount()));
        }
        if (event.billedThrough() != null) {
            billedThrough = event.billedThrough();
        }
        nextBillingDateRecorded = event.nextBillingDate();
        event.usageRecordIds().forEach(unbilledUsage::remove);
        event.oneOffChargeIds().forEach(unbilledOneOffCharges::remove);
        prune();
    }

    private void add(SubscriptionService service) {
        var entry = ServiceEntry.of(service);
        // the aggregate keeps one service per product: a product added again replaces the open stay
        end(service.productCode(), entry.billableFrom());
        services.removeIf(existing -> existing.is(entry.productCode(), entry.billableFrom()));
        services.add(entry);
    }

    private void end(String productCode, LocalDate on) {
        openStays(productCode).forEach(entry -> entry.endOn(on));
        prune();
    }

    private List<ServiceEntry> openStays(String productCode) {
        return services.stream().filter(entry -> entry.isOpen() && entry.productCode().equals(productCode)).toList();
    }

    private void prune() {
        services.removeIf(ServiceEntry::settled);
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String accountId() {
        return accountId;
    }

    public String subscriptionTypeCode() {
        return subscriptionTypeCode;
    }

    public SubscriptionState state() {
        return state;
    }

    public BillingTerms billingTerms() {
        return billingTerms;
    }

    /** The date the subscription became effective, which its billing periods count from; null for a draft. */
    public LocalDate billingAnchor() {
        return billingAnchor;
    }

    /** When it was terminated (the end of every service), else null. */
    public LocalDate terminatedOn() {
        return terminatedOn;
    }

    /** How far termed services are billed (exclusive), from the last bill; null before the first bill. */
    public LocalDate billedThrough() {
        return billedThrough;
    }

    public LocalDate nextBillingDateRecorded() {
        return nextBillingDateRecorded;
    }

    /** The stays of termed services not settled yet, in the order they were added. */
    public List<ServiceEntry> services() {
        return Collections.unmodifiableList(services);
    }

    public List<UsageRecorded> unbilledUsage() {
        return List.copyOf(unbilledUsage.values());
    }

    public List<OneOffChargeAdded> unbilledOneOffCharges() {
        return List.copyOf(unbilledOneOffCharges.values());
    }
}
