package org.subledger.command.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionStreamState;
import org.subledger.kernel.usage.OneOffChargeAdded;
import org.subledger.kernel.usage.UsageRecorded;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What billing knows of one subscription: who and what it is, its billing terms, the date its billing periods count
 * from (the anchor), how far it is billed, each stay of a termed service with how far it is charged, and the usage
 * and one-off charges not billed yet. Billing's reading of the subscription stream's one fold,
 * {@link SubscriptionStreamState} (the Subscription aggregate's state too): billing folds nothing of its own, so an
 * event the aggregate knows is an event billing knows. The usage of mediation batches recorded as one event
 * ({@code UsageBatchRecorded}, on no subscription's stream) is added from what is still unbilled of it
 * ({@code UnbilledBatchUsage}), folded as the {@code UsageRecorded} each record is.
 */
public final class BillingState {

    private final SubscriptionStreamState stream;

    private BillingState(SubscriptionStreamState stream) {
        this.stream = stream;
    }

    public static BillingState empty() {
        return new BillingState(new SubscriptionStreamState());
    }

    /** The subscription a stream of it, oldest first, adds up to. */
    public static BillingState of(List<? extends DomainEventMessage<?>> messages) {
        var state = new SubscriptionStreamState();
        messages.forEach(message -> state.apply(message.getPayload(), message.getSequenceNumber()));
        return new BillingState(state);
    }

    /**
     * The subscription its stream and its unbilled batch-recorded usage add up to: the stream first, then each batch
     * record as if it followed (every one of them is unbilled, so no bill on the stream lists it).
     */
    public static BillingState of(List<? extends DomainEventMessage<?>> messages,
                                  Collection<UsageRecorded> batchUsage) {
        BillingState state = of(messages);
        batchUsage.forEach(state::apply);
        return state;
    }

    /**
     * The same from the stream's fold ({@code stream}, which this state takes over and changes: pass a copy of a
     * fold kept for later) and the unbilled batch-recorded usage.
     */
    static BillingState of(SubscriptionStreamState stream, Collection<UsageRecorded> batchUsage) {
        BillingState state = new BillingState(stream);
        batchUsage.forEach(state::apply);
        return state;
    }

    /** A copy that events can be applied to without changing this state (the preview bills on one). */
    public BillingState copy() {
        return new BillingState(stream.copy());
    }

    /** Folds the next event payload of the subscription's stream in; payloads that change nothing are ignored. */
    public void apply(Object payload) {
        stream.apply(payload);
    }

    /** The one fold this is a reading of. */
    public SubscriptionStreamState stream() {
        return stream;
    }

    public String subscriptionId() {
        return stream.subscriptionId();
    }

    public String accountId() {
        return stream.accountId();
    }

    public String subscriptionTypeCode() {
        return stream.subscriptionTypeCode();
    }

    public SubscriptionState state() {
        return stream.state();
    }

    public BillingTerms billingTerms() {
        return stream.billingTerms();
    }

    /** The date the subscription became effective, which its billing periods count from; null for a draft. */
    public LocalDate billingAnchor() {
        return stream.billingAnchor();
    }

    /** When it was terminated (the end of every service), else null. */
    public LocalDate terminatedOn() {
        return stream.terminatedOn();
    }

    /** How far termed services are billed (exclusive), from the last bill; null before the first bill. */
    public LocalDate billedThrough() {
        return stream.billedThrough();
    }

    public LocalDate nextBillingDateRecorded() {
        return stream.nextBillingDate();
    }

    /** The stays of termed services not settled yet, in the order they were added. */
    public List<ServiceEntry> services() {
        return stream.stays().stream().map(ServiceEntry::new).toList();
    }

    public List<UsageRecorded> unbilledUsage() {
        return List.copyOf(stream.unbilledUsage());
    }

    public List<OneOffChargeAdded> unbilledOneOffCharges() {
        return List.copyOf(stream.unbilledOneOffCharges());
    }
}
