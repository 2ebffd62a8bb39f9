package org.subledger.command.charging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.command.process.ProcessStep;
import org.subledger.command.process.ProcessSteps;
import org.subledger.kernel.billing.IssueEventChargeBill;
import org.subledger.kernel.billing.LineExplanation;
import org.subledger.kernel.catalog.ChargeRecurrence;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rating;
import org.subledger.kernel.rating.RatingEngine;
import org.subledger.kernel.subscription.BillingTermsAmended;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionEvent;
import org.subledger.kernel.usage.UsageBillingDue;
import org.subledger.kernel.subscription.SubscriptionTerminated;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Event-based billing of one subscription: on each subscription action, the catalog's event charge rules whose
 * trigger is the action's behaviour code bill the account one unit of their product (a numbered bill of its own, with
 * the product's tax part: every charge is a document), priced with the price version
 * in force on the action date (see {@link EventChargeRule}). Lives from the subscription's creation to its termination.
 *
 * <p>Exactly once: every charge is billed under a deterministic charge id (its bill id derives from it),
 * {@code event-charge:<subscription>:<rule>:<event sequence number>} or {@code …:<rule>:once}, and a charge id is
 * billed once, so an event delivered again (a retried batch, a saga saved after the charge was sent)
 * posts nothing new. The saga also remembers the rules it charged once, so later triggers send nothing at all.
 *
 * <p>A charge the account refuses (e.g. it was closed while the charge was on its way) is recorded as a refused
 * process step, listed as needing attention, and the saga goes on ({@link ProcessSteps}); a once-per-subscription
 * charge so refused counts as done, so it is not tried on every later trigger.
 * State is plain fields, stored by the JSON saga serializer; collaborators are transient and injected.
 */
@Saga
@ProcessingGroup(EventChargeSaga.PROCESS)
public class EventChargeSaga { // public, with a public constructor: Axon instantiates sagas reflectively

    private static final Logger LOG = LoggerFactory.getLogger(EventChargeSaga.class);

    private String subscriptionId;
    private String accountId;
    private String pricePlanCode;
    /** Whose payment term the charges' bills are due by (null in a saga stored before: the ledger's term). */
    private String billingTermSchemeCode;
    /** Names of the ONCE_PER_SUBSCRIPTION rules already charged. */
    private Set<String> chargedOnce = new HashSet<>();

    /** The processing group, and the process's name on the "needs attention" list. */
    static final String PROCESS = "event-charges";
    static final String PENALTY_STEP = "early-termination-penalty";

    @Autowired
    private transient ProcessSteps steps;
    @Autowired
    private transient PriceList priceList;
    @Autowired
    private transient EventChargeRuleBook charging;

    public EventChargeSaga() {
        // for Axon and the saga serializer
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(SubscriptionCreated event, @SequenceNumber long sequence) {
        subscriptionId = event.subscriptionId();
        accountId = event.accountId();
        pricePlanCode = event.billingTerms().pricePlanCode();
        billingTermSchemeCode = event.billingTerms().billingTermSchemeCode();
        charge(event, sequence);
    }

    /** New billing terms may name another price plan: later charges are priced in it. */
    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(BillingTermsAmended event, @SequenceNumber long sequence) {
        pricePlanCode = event.billingTerms().pricePlanCode();
        billingTermSchemeCode = event.billingTerms().billingTermSchemeCode();
        charge(event, sequence);
    }

    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(SubscriptionEvent event, @SequenceNumber long sequence) {
        if (event instanceof UsageBillingDue) {
            return; // not an action of its own: a consequence of the RECORD_USAGE action just charged for
        }
        charge(event, sequence);
        if (event instanceof SubscriptionTerminated terminated) {
            chargePenalty(terminated);
            SagaLifecycle.end();
        }
    }

    /**
     * Termination inside the binding period: the subscription recorded the penalty its billing terms define; it is
     * billed to the account once (one charge id per subscription).
     */
    private void chargePenalty(SubscriptionTerminated terminated) {
        Money penalty = terminated.earlyTerminationPenalty();
        if (penalty != null && penalty.isPositive()) {
            String postingId = "early-termination:" + subscriptionId;
            steps.send(new ProcessStep(PROCESS, PENALTY_STEP, postingId, subscriptionId, terminated.accountId()),
                    new IssueEventChargeBill(postingId, terminated.accountId(), subscriptionId, null,
                            "Early termination penalty", penalty, ActionDates.of(terminated), billingTermSchemeCode,
                            null));
        }
    }

    private void charge(SubscriptionEvent event, long sequence) {
        var behaviour = event.action().behaviourCode();
        LocalDate on = ActionDates.of(event);
        for (EventChargeRule rule : charging.rules()) {
            boolean once = rule.recurrence() == ChargeRecurrence.ONCE_PER_SUBSCRIPTION;
            if (rule.trigger() != behaviour || (once && chargedOnce.contains(rule.name()))) {
                continue;
            }
            String plan = rule.pricePlan() != null ? rule.pricePlan() : pricePlanCode;
            var rate = priceList.rateInForce(plan, rule.product(), on);
            if (rate.isEmpty()) {
                // a rule for a product the plan does not price charges nothing; the catalog is to be fixed
                LOG.warn("Event charge {} for subscription {}: no rate for {} in price plan {} on {}", rule.name(),
                        subscriptionId, rule.product(), plan, on);
                continue;
            }
            Rating rating = RatingEngine.rate(rate.get(), 1);
            Money amount = rating.amount();
            if (amount.isPositive()) {
                String postingId = "event-charge:" + subscriptionId + ":" + rule.name() + ":"
                        + (once ? "once" : Long.toString(sequence));
                // waits: a technical failure fails the event's handling, which is retried (same charge id)
                steps.send(new ProcessStep(PROCESS, rule.name(), postingId, subscriptionId, accountId),
                        new IssueEventChargeBill(postingId, accountId, subscriptionId, rule.product(),
                                rule.product() + " (" + behaviour + ")", amount, on, billingTermSchemeCode,
                                new LineExplanation(plan, rate.get().model().name(), rate.get().basis().name(), 1,
                                        rating.explanation(), amount, null, null, null, null, null, List.of())));
            }
            if (once) {
                chargedOnce.add(rule.name());
            }
        }
    }
}
