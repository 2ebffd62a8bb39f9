package org.subledger.query.subscription;

import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.BillingTermsAmended;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.subscription.SubscriptionReactivated;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionTerminated;
import org.subledger.kernel.subscription.query.SubscriptionSummary;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Folds a subscription's events, oldest first, into the {@link SubscriptionSummary} they add up to: the same rules as
 * the {@code subscription-summary} projection, in memory. Events of other kinds are ignored, and so is an event not
 * newer than the last one applied. Pure: no clock, no I/O.
 */
final class SubscriptionAsOfFolder {

    private String subscriptionId;
    private String accountId;
    private String subscriptionTypeCode;
    private SubscriptionState state;
    private BillingTerms billingTerms;
    private LocalDate createdOn;
    private LocalDate activatedOn;
    private LocalDate deactivatedOn;
    private LocalDate terminatedOn;
    private String owningUnit;
    private long version = -1;

    /** Applies one event; {@code sequenceNumber} is the event message's. */
    SubscriptionAsOfFolder apply(Object payload, long sequenceNumber) {
        if (sequenceNumber <= version) {
            return this;
        }
        if (payload instanceof SubscriptionCreated created) {
            subscriptionId = created.subscriptionId();
            accountId = created.accountId();
            subscriptionTypeCode = created.subscriptionTypeCode();
            owningUnit = created.owningUnit();
            state = created.state();
            billingTerms = created.billingTerms();
            createdOn = created.createdOn();
            activatedOn = created.state() == SubscriptionState.EFFECTIVE ? created.createdOn() : null;
        } else if (state == null) {
            return this; // nothing exists before the creation
        } else if (payload instanceof SubscriptionActivated activated) {
            state = SubscriptionState.EFFECTIVE;
            activatedOn = activated.activatedOn();
        } else if (payload instanceof BillingTermsAmended amended) {
            billingTerms = amended.billingTerms();
        } else if (payload instanceof SubscriptionDeactivated deactivated) {
            state = SubscriptionState.DEACTIVATED;
            deactivatedOn = deactivated.deactivatedOn();
        } else if (payload instanceof SubscriptionReactivated) {
            state = SubscriptionState.EFFECTIVE;
            deactivatedOn = null;
        } else if (payload instanceof SubscriptionTerminated terminated) {
            state = SubscriptionState.TERMINATED;
            terminatedOn = terminated.terminatedOn();
            deactivatedOn = null;
        } else {
            return this;
        }
        version = sequenceNumber;
        return this;
    }

    /** The subscription the events applied so far describe; empty if it had not been created. */
    Optional<SubscriptionSummary> summary() {
        if (state == null) {
            return Optional.empty();
        }
        return Optional.of(new SubscriptionSummary(subscriptionId, accountId, subscriptionTypeCode, state,
                billingTerms, createdOn, activatedOn, deactivatedOn, terminatedOn, version, owningUnit));
    }
}
