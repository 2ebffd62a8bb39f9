package org.subledger.command.charging;

import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.subscription.BillingTermsAmended;
import org.subledger.kernel.subscription.DistributorAdded;
import org.subledger.kernel.subscription.DistributorRemoved;
import org.subledger.kernel.subscription.InstalledItemAdded;
import org.subledger.kernel.subscription.InstalledItemRemoved;
import org.subledger.kernel.subscription.InstalledItemSwapped;
import org.subledger.kernel.subscription.ServiceAdded;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.subscription.ServiceSwapped;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.discount.DiscountAdded;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.subscription.BuyInAdvanceRequested;
import org.subledger.kernel.discount.DiscountApproved;
import org.subledger.kernel.discount.DiscountRejected;
import org.subledger.kernel.discount.DiscountRemoved;
import org.subledger.kernel.subscription.SubscriptionEvent;
import org.subledger.kernel.subscription.SubscriptionReactivated;
import org.subledger.kernel.subscription.SubscriptionTerminated;
import org.subledger.kernel.usage.BillingDirectiveSet;
import org.subledger.kernel.usage.OneOffChargeAdded;
import org.subledger.kernel.usage.UsageRecorded;


import java.time.LocalDate;

/** The business date of a subscription action, which each event names after what happened. */
final class ActionDates {

    private ActionDates() {
    }

    static LocalDate of(SubscriptionEvent event) {
        if (event instanceof SubscriptionCreated e) {
            return e.createdOn();
        } else if (event instanceof SubscriptionActivated e) {
            return e.activatedOn();
        } else if (event instanceof ServiceAdded e) {
            return e.addedOn();
        } else if (event instanceof ServiceRemoved e) {
            return e.removedOn();
        } else if (event instanceof ServiceSwapped e) {
            return e.swappedOn();
        } else if (event instanceof InstalledItemAdded e) {
            return e.addedOn();
        } else if (event instanceof InstalledItemRemoved e) {
            return e.removedOn();
        } else if (event instanceof InstalledItemSwapped e) {
            return e.swappedOn();
        } else if (event instanceof DistributorAdded e) {
            return e.addedOn();
        } else if (event instanceof DistributorRemoved e) {
            return e.removedOn();
        } else if (event instanceof BillingTermsAmended e) {
            return e.amendedOn();
        } else if (event instanceof SubscriptionDeactivated e) {
            return e.deactivatedOn();
        } else if (event instanceof SubscriptionReactivated e) {
            return e.reactivatedOn();
        } else if (event instanceof SubscriptionTerminated e) {
            return e.terminatedOn();
        } else if (event instanceof UsageRecorded e) {
            return e.recordedOn();
        } else if (event instanceof OneOffChargeAdded e) {
            return e.chargedOn();
        } else if (event instanceof BillingDirectiveSet e) {
            return e.setOn();
        } else if (event instanceof SubscriptionBilled e) {
            return e.billedOn();
        } else if (event instanceof DiscountAdded e) {
            return e.addedOn();
        } else if (event instanceof DiscountApproved e) {
            return e.approvedOn();
        } else if (event instanceof DiscountRejected e) {
            return e.rejectedOn();
        } else if (event instanceof DiscountRemoved e) {
            return e.removedOn();
        } else if (event instanceof DiscountApplied e) {
            return e.periodStart();
        } else if (event instanceof BuyInAdvanceRequested e) {
            return e.requestedOn();
        }
        throw new IllegalArgumentException("no action date known for " + event.getClass().getSimpleName());
    }
}
