package org.subledger.query.subscription;

import org.subledger.kernel.subscription.BillingTermsAmended;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.subscription.SubscriptionReactivated;
import org.subledger.kernel.subscription.SubscriptionStreamState;
import org.subledger.kernel.subscription.SubscriptionTerminated;
import org.subledger.kernel.subscription.query.SubscriptionSummary;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Folds a subscription's events, oldest first, into the {@link SubscriptionSummary} they add up to, by the
 * subscription stream's one fold ({@link SubscriptionStreamState}, the aggregate's and billing's too). An event not
 * newer than the last one applied is ignored. The summary's version is that of the last event the
 * {@code subscription-summary} projection handles too, so the two agree. Pure: no clock, no I/O.
 */
final class SubscriptionAsOfFolder {

    /** The events that change the summary, and so its version, as in the projection. */
    private static final Set<Class<?>> SUMMARY_EVENTS = Set.of(SubscriptionCreated.class,
            SubscriptionActivated.class, BillingTermsAmended.class, SubscriptionDeactivated.class,
            SubscriptionReactivated.class, SubscriptionTerminated.class);

    private final SubscriptionStreamState state = new SubscriptionStreamState();
    private long version = -1;

    /** Applies one event; {@code sequenceNumber} is the event message's. */
    SubscriptionAsOfFolder apply(Object payload, long sequenceNumber) {
        if (sequenceNumber <= state.version()) {
            return this;
        }
        state.apply(payload, sequenceNumber);
        if (state.version() == sequenceNumber && SUMMARY_EVENTS.contains(payload.getClass())) {
            version = sequenceNumber;
        }
        return this;
    }

    /**
     * The subscription after the events applied so far, for an audit trail: its summary and what it holds (services,
     * distributors, installed items, discounts); {@code null} before it was created.
     */
    SubscriptionStateAfter stateAfter() {
        return summary().map(summary -> new SubscriptionStateAfter(summary, List.copyOf(state.services().values()),
                List.copyOf(state.distributors().values()), List.copyOf(state.installedItems().values()),
                List.copyOf(state.discounts().values()))).orElse(null);
    }

    /** The subscription the events applied so far describe; empty if it had not been created. */
    Optional<SubscriptionSummary> summary() {
        if (!state.exists()) {
            return Optional.empty();
        }
        return Optional.of(new SubscriptionSummary(state.subscriptionId(), state.accountId(),
                state.subscriptionTypeCode(), state.state(), state.billingTerms(), state.createdOn(),
                state.activatedOn(), state.deactivatedOn(), state.terminatedOn(), version, state.owningUnit()));
    }
}
