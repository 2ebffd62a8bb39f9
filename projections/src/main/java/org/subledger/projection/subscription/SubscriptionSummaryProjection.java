package org.subledger.projection.subscription;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.BillingTermsAmended;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.subscription.SubscriptionReactivated;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionTerminated;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds {@code subscription_summary}: one row per subscription with its state, billing terms and life-cycle dates.
 * Every statement only touches a row older than the event (its {@code version}), so a redelivered event changes
 * nothing; a batch's statements go out as JDBC batches just before the processor commits.
 */
@Component
@ProcessingGroup(SubscriptionSummaryProjection.PROCESSING_GROUP)
class SubscriptionSummaryProjection {

    static final String PROCESSING_GROUP = "subscription-summary";

    private static final String TERMS = """
            billing_term_scheme, price_plan, billing_frequency, agreement_date, binding_start_date, binding_end_date,
            penalty_amount, penalty_currency, concurrent_uses, concurrent_rate_percent""";

    private static final String INSERT = """
            insert into subscription_summary (subscription_id, account_id, subscription_type_code, state, %s,
                                              created_on, activated_on, version, owning_unit)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (subscription_id) do nothing""".formatted(TERMS);

    private static final String ACTIVATED = """
            update subscription_summary set state = 'EFFECTIVE', activated_on = ?, version = ?
            where subscription_id = ? and version < ?""";
    private static final String DEACTIVATED = """
            update subscription_summary set state = 'DEACTIVATED', deactivated_on = ?, version = ?
            where subscription_id = ? and version < ?""";
    private static final String REACTIVATED = """
            update subscription_summary set state = 'EFFECTIVE', deactivated_on = null, version = ?
            where subscription_id = ? and version < ?""";
    private static final String TERMINATED = """
            update subscription_summary set state = 'TERMINATED', terminated_on = ?, deactivated_on = null,
                                            version = ?
            where subscription_id = ? and version < ?""";
    private static final String AMENDED = """
            update subscription_summary set billing_term_scheme = ?, price_plan = ?, billing_frequency = ?,
                agreement_date = ?, binding_start_date = ?, binding_end_date = ?, penalty_amount = ?,
                penalty_currency = ?, concurrent_uses = ?, concurrent_rate_percent = ?, version = ?
            where subscription_id = ? and version < ?""";

    private final JdbcTemplate jdbc;
    private final StatementBuffer pending;

    SubscriptionSummaryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.pending = new StatementBuffer("subscription-summary.pending", jdbc);
    }

    @EventHandler
    void on(SubscriptionCreated event, @SequenceNumber long sequenceNumber) {
        List<Object> arguments = new ArrayList<>(List.of(event.subscriptionId(), event.accountId(),
                event.subscriptionTypeCode(), event.state().name()));
        arguments.addAll(terms(event.billingTerms()));
        arguments.add(event.createdOn());
        arguments.add(event.state() == SubscriptionState.EFFECTIVE ? event.createdOn() : null);
        arguments.add(sequenceNumber);
        arguments.add(event.owningUnit());
        pending.add(INSERT, arguments.toArray());
    }

    @EventHandler
    void on(SubscriptionActivated event, @SequenceNumber long sequenceNumber) {
        pending.add(ACTIVATED, event.activatedOn(), sequenceNumber, event.subscriptionId(), sequenceNumber);
    }

    @EventHandler
    void on(BillingTermsAmended event, @SequenceNumber long sequenceNumber) {
        List<Object> arguments = new ArrayList<>(terms(event.billingTerms()));
        arguments.addAll(Arrays.asList(sequenceNumber, event.subscriptionId(), sequenceNumber));
        pending.add(AMENDED, arguments.toArray());
    }

    @EventHandler
    void on(SubscriptionDeactivated event, @SequenceNumber long sequenceNumber) {
        pending.add(DEACTIVATED, event.deactivatedOn(), sequenceNumber, event.subscriptionId(), sequenceNumber);
    }

    @EventHandler
    void on(SubscriptionReactivated event, @SequenceNumber long sequenceNumber) {
        pending.add(REACTIVATED, sequenceNumber, event.subscriptionId(), sequenceNumber);
    }

    @EventHandler
    void on(SubscriptionTerminated event, @SequenceNumber long sequenceNumber) {
        pending.add(TERMINATED, event.terminatedOn(), sequenceNumber, event.subscriptionId(), sequenceNumber);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table subscription_summary");
    }

    /** The billing terms as the ten columns of {@link #TERMS}, in order. */
    private static List<Object> terms(BillingTerms terms) {
        var penalty = terms.earlyTerminationPenalty();
        var usage = terms.concurrentUsage();
        return Arrays.asList(terms.billingTermSchemeCode(), terms.pricePlanCode(),
                terms.billingFrequency() == null ? null : terms.billingFrequency().name(), terms.agreementDate(),
                terms.bindingStartDate(), terms.bindingEndDate(), penalty == null ? null : penalty.amount(),
                penalty == null ? null : penalty.currency().getCurrencyCode(),
                usage == null ? null : usage.concurrentUses(), usage == null ? null : usage.ratePercent());
    }
}
