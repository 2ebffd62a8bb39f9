package org.subledger.command.billing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
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
import org.subledger.kernel.usage.UsageRecorded;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the {@link BillingIndex} in the transaction of the subscription command that changed it (a subscribing
 * processor: a failure here rolls the command back). A subscription becomes due when it becomes effective; a removal,
 * a termination, a one-off charge or usage make it due by their date, so the next run settles them.
 */
@Component
@ProcessingGroup(BillingIndexUpdater.GROUP)
class BillingIndexUpdater {

    static final String GROUP = "lookup-billing-index";
    private static final String DUE_BY = BillingIndexUpdater.class.getName() + ".dueBy";

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

    /**
     * A mediation batch appends a thousand of these in one unit of work, mostly one per subscription: each
     * subscription's earliest usage date is gathered while the events are handled, and written for all of them in
     * one statement when the handling commits, still in the command's transaction (one round trip a batch, not one
     * a subscription).
     */
    @EventHandler
    void on(UsageRecorded event) {
        LocalDate usedOn = event.usedAt().toLocalDate();
        if (!CurrentUnitOfWork.isStarted()) {
            index.dueBy(event.subscriptionId(), usedOn);
            return;
        }
        var unitOfWork = CurrentUnitOfWork.get();
        Map<String, LocalDate> dueBy = unitOfWork.getOrComputeResource(DUE_BY, key -> {
            Map<String, LocalDate> dates = new HashMap<>();
            unitOfWork.onPrepareCommit(handled -> index.dueBy(dates));
            return dates;
        });
        dueBy.merge(event.subscriptionId(), usedOn, (one, other) -> one.isBefore(other) ? one : other);
    }
}
