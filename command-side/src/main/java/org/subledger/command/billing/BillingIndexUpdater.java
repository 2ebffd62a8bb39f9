package org.subledger.command.billing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.subledger.kernel.subscription.BillingTermsAmended;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.subscription.ServiceSwapped;
import org.subledger.kernel.subscription.BuyInAdvanceRequested;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionTerminated;
import org.subledger.kernel.usage.OneOffChargeAdded;

/**
 * Keeps the {@link BillingIndex} in the transaction of the subscription command that changed it (a subscribing
 * processor: a failure here rolls the command back). A subscription becomes due when it becomes effective; a removal,
 * a termination or a one-off charge make it due by their date, so the next run settles them. Usage does too, told by
 * the command that records it ({@link BillingIndexUsageDueDates}), not by its events: a mediation batch appends a
 * thousand of them at once.
 */
@Component
@ProcessingGroup(BillingIndexUpdater.GROUP)
class BillingIndexUpdater {

    static final String GROUP = "lookup-billing-index";

    private final BillingIndex index;

    BillingIndexUpdater(BillingIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(SubscriptionCreated event) {
        index.created(event.subscriptionId(), event.accountId(), event.subscriptionTypeCode(),
                event.billingTerms() == null ? null : event.billingTerms().billingFrequency(),
                event.state() == SubscriptionState.EFFECTIVE ? event.createdOn() : null);
    }

    @EventHandler
    void on(SubscriptionActivated event) {
        index.dueBy(event.subscriptionId(), event.activatedOn());
    }

    @EventHandler
    void on(BillingTermsAmended event) {
        index.frequency(event.subscriptionId(), event.billingTerms().billingFrequency());
    }

    @EventHandler
    void on(ServiceRemoved event) {
        index.dueBy(event.subscriptionId(), event.removedOn());
    }

    @EventHandler
    void on(ServiceSwapped event) {
        index.dueBy(event.subscriptionId(), event.swappedOn());
    }

    @EventHandler
    void on(SubscriptionTerminated event) {
        index.dueBy(event.subscriptionId(), event.terminatedOn());
    }

    /** Billed at once by its own bill; due on its date too, so a run settles it if that bill failed. */
    @EventHandler
    void on(BuyInAdvanceRequested event) {
        index.dueBy(event.subscriptionId(), event.requestedOn());
    }

    @EventHandler
    void on(OneOffChargeAdded event) {
        index.dueBy(event.subscriptionId(), event.chargedOn());
    }
}
