package org.subledger.query.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.discount.DiscountAdded;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionStreamState;
import org.subledger.kernel.usage.OneOffChargeAdded;
import org.subledger.kernel.usage.UsageRecorded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a subscription's stream said when one of its bills was issued, and which event said each thing: the stream's
 * one fold ({@link SubscriptionStreamState}) applied up to the bill's {@link SubscriptionBilled}, noting the event
 * behind each service, distributor and the billing terms by what changed in the fold, and the usage records, one-off
 * charges and discounts by id. Pure: the caller reads the events.
 */
final class SubscriptionFacts {

    private final SubscriptionStreamState state = new SubscriptionStreamState();
    private final Map<String, Sourced<SubscriptionService>> services = new HashMap<>();
    private final Map<String, Sourced<Distributor>> distributors = new HashMap<>();
    private final Map<String, Sourced<UsageRecorded>> usage = new HashMap<>();
    private final Map<String, Sourced<OneOffChargeAdded>> oneOffCharges = new HashMap<>();
    private final Map<String, Sourced<DiscountAdded>> discountsAdded = new HashMap<>();
    private final List<Sourced<DiscountApplied>> discountsApplied = new ArrayList<>();
    private Sourced<BillingTerms> billingTerms;
    private Sourced<SubscriptionBilled> billed;
    private final Set<String> references;

    private SubscriptionFacts(Set<String> references) {
        this.references = references;
    }

    /**
     * Folds {@code events} (oldest first) up to and including the {@link SubscriptionBilled} of {@code billId},
     * keeping only the usage records and one-off charges among {@code references} (a stream may hold many).
     */
    static SubscriptionFacts of(Iterator<? extends DomainEventMessage<?>> events, String billId,
                                Set<String> references) {
        var facts = new SubscriptionFacts(references);
        while (events.hasNext() && facts.billed == null) {
            facts.apply(events.next(), billId);
        }
        // a bill's discount applications are inside its SubscriptionBilled (revision 2, BillWriter); a bill of
        // revision 1 has them as DiscountApplied events right after it
        while (facts.billed != null && events.hasNext()) {
            var event = events.next();
            if (!(event.getPayload() instanceof DiscountApplied applied && billId.equals(applied.billId()))) {
                break;
            }
            facts.discountsApplied.add(new Sourced<>(applied, event.getIdentifier()));
        }
        return facts;
    }

    private void apply(DomainEventMessage<?> event, String billId) {
        Object payload = event.getPayload();
        String id = event.getIdentifier();
        if (payload instanceof SubscriptionBilled billedEvent && billedEvent.billId().equals(billId)) {
            billed = new Sourced<>(billedEvent, id);
            billedEvent.discountsApplied().forEach(applied -> discountsApplied.add(new Sourced<>(applied, id)));
            return; // the state the bill was worked out on is the one before its own event
        }
        if (payload instanceof UsageRecorded recorded && references.contains(recorded.recordId())) {
            usage.put(recorded.recordId(), new Sourced<>(recorded, id));
        } else if (payload instanceof OneOffChargeAdded charge && references.contains(charge.chargeId())) {
            oneOffCharges.put(charge.chargeId(), new Sourced<>(charge, id));
        } else if (payload instanceof DiscountAdded added) {
            discountsAdded.put(added.discountId(), new Sourced<>(added, id));
        } else if (payload instanceof DiscountApplied applied && billId.equals(applied.billId())) {
            discountsApplied.add(new Sourced<>(applied, id));
        }
        Map<String, SubscriptionService> servicesBefore = Map.copyOf(state.services());
        Map<String, Distributor> distributorsBefore = Map.copyOf(state.distributors());
        BillingTerms termsBefore = state.exists() ? state.billingTerms() : null;
        state.apply(payload, event.getSequenceNumber());
        // a service removed since keeps the event that last set it: a credit line still names its source
        state.services().forEach((code, service) -> {
            if (!service.equals(servicesBefore.get(code))) {
                services.put(code, new Sourced<>(service, id));
            }
        });
        state.distributors().forEach((distributorId, distributor) -> {
            if (!distributor.equals(distributorsBefore.get(distributorId))) {
                distributors.put(distributorId, new Sourced<>(distributor, id));
            }
        });
        if (state.exists() && !Objects.equals(termsBefore, state.billingTerms())) {
            billingTerms = new Sourced<>(state.billingTerms(), id);
        }
    }

    Sourced<SubscriptionService> service(String productCode) {
        return services.get(productCode);
    }

    Sourced<Distributor> distributor(String distributorId) {
        return distributors.get(distributorId);
    }

    /** A usage record of the bill recorded in a batch's one event ({@code UsageBatchRecorded}, on no stream). */
    void recordedInBatch(UsageRecorded record, String eventId) {
        if (references.contains(record.recordId())) {
            usage.putIfAbsent(record.recordId(), new Sourced<>(record, eventId));
        }
    }

    Sourced<UsageRecorded> usage(String recordId) {
        return usage.get(recordId);
    }

    Sourced<OneOffChargeAdded> oneOffCharge(String chargeId) {
        return oneOffCharges.get(chargeId);
    }

    Sourced<DiscountAdded> discountAdded(String discountId) {
        return discountsAdded.get(discountId);
    }

    /** The discounts applied on the bill, in the order billing recorded them. */
    List<Sourced<DiscountApplied>> discountsApplied() {
        return List.copyOf(discountsApplied);
    }

    Sourced<BillingTerms> billingTerms() {
        return billingTerms;
    }

    /** The bill's own record on the subscription's stream; {@code null} for a bill of no subscription. */
    Sourced<SubscriptionBilled> billed() {
        return billed;
    }
}
