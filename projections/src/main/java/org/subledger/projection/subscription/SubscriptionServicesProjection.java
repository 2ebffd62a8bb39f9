package org.subledger.projection.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.subscription.DistributorAdded;
import org.subledger.kernel.subscription.DistributorRemoved;
import org.subledger.kernel.subscription.ServiceAdded;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.subscription.ServiceSwapped;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionService;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Builds {@code subscription_service}: the services of every subscription with their distributors and dates. A
 * removed or swapped-out service keeps its row with {@code removed_on} set; added again, it is effective again and
 * its provisioning starts over ({@code PENDING}). Every statement only touches a row older than the event, so a
 * redelivered event changes nothing. {@code provisioning_state} is left to the provisioning process otherwise.
 */
@Component
@ProcessingGroup(SubscriptionServicesProjection.PROCESSING_GROUP)
class SubscriptionServicesProjection {

    static final String PROCESSING_GROUP = "subscription-services";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String UPSERT = """
            insert into subscription_service (subscription_id, product_code, components, distributor_ids,
                                              effective_date, billable_period_start_date, billing_effective_date,
                                              version)
            values (?, ?, array(select jsonb_array_elements_text(?::jsonb)),
                    array(select jsonb_array_elements_text(?::jsonb)), ?, ?, ?, ?)
            on conflict (subscription_id, product_code) do update set
                components = excluded.components, distributor_ids = excluded.distributor_ids,
                effective_date = excluded.effective_date,
                billable_period_start_date = excluded.billable_period_start_date,
                billing_effective_date = excluded.billing_effective_date,
                provisioning_state = case when subscription_service.removed_on is null
                                          then subscription_service.provisioning_state else 'PENDING' end,
                removed_on = null, version = excluded.version
            where subscription_service.version < excluded.version""";
    private static final String REMOVE = """
            update subscription_service set removed_on = ?, version = ?
            where subscription_id = ? and product_code = ? and version < ?""";
    private static final String ADD_DISTRIBUTOR = """
            update subscription_service set distributor_ids = array_append(array_remove(distributor_ids, ?), ?),
                                            version = ?
            where subscription_id = ? and product_code = ? and version < ?""";
    private static final String REMOVE_DISTRIBUTOR = """
            update subscription_service set distributor_ids = array_remove(distributor_ids, ?), version = ?
            where subscription_id = ? and version < ?""";

    private final JdbcTemplate jdbc;
    private final StatementBuffer pending;

    SubscriptionServicesProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.pending = new StatementBuffer("subscription-services.pending", jdbc, () -> ServiceStateLock.take(jdbc));
    }

    @EventHandler
    void on(SubscriptionCreated event, @SequenceNumber long sequenceNumber) {
        upsert(event.subscriptionId(), event.services(), sequenceNumber);
    }

    /** The event lists every service with its dates moved to the activation date. */
    @EventHandler
    void on(SubscriptionActivated event, @SequenceNumber long sequenceNumber) {
        upsert(event.subscriptionId(), event.services(), sequenceNumber);
    }

    @EventHandler
    void on(ServiceAdded event, @SequenceNumber long sequenceNumber) {
        upsert(event.subscriptionId(), List.of(event.service()), sequenceNumber);
    }

    @EventHandler
    void on(ServiceRemoved event, @SequenceNumber long sequenceNumber) {
        pending.add(REMOVE, event.removedOn(), sequenceNumber, event.subscriptionId(), event.productCode(),
                sequenceNumber);
    }

    @EventHandler
    void on(ServiceSwapped event, @SequenceNumber long sequenceNumber) {
        Object[] upsert = upsertArguments(event.subscriptionId(), event.service(), sequenceNumber);
        pending.add(List.of(REMOVE, UPSERT), List.of(new Object[]{event.swappedOn(), sequenceNumber,
                event.subscriptionId(), event.previousProductCode(), sequenceNumber}, upsert));
    }

    @EventHandler
    void on(DistributorAdded event, @SequenceNumber long sequenceNumber) {
        String id = event.distributor().distributorId();
        List<String> sql = new ArrayList<>();
        List<Object[]> arguments = new ArrayList<>();
        for (String productCode : event.services()) {
            sql.add(ADD_DISTRIBUTOR);
            arguments.add(new Object[]{id, id, sequenceNumber, event.subscriptionId(), productCode, sequenceNumber});
        }
        pending.add(sql, arguments);
    }

    @EventHandler
    void on(DistributorRemoved event, @SequenceNumber long sequenceNumber) {
        pending.add(REMOVE_DISTRIBUTOR, event.distributorId(), sequenceNumber, event.subscriptionId(),
                sequenceNumber);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table subscription_service");
    }

    private void upsert(String subscriptionId, Collection<SubscriptionService> services, long sequenceNumber) {
        List<String> sql = new ArrayList<>();
        List<Object[]> arguments = new ArrayList<>();
        for (SubscriptionService service : services) {
            sql.add(UPSERT);
            arguments.add(upsertArguments(subscriptionId, service, sequenceNumber));
        }
        pending.add(sql, arguments);
    }

    private static Object[] upsertArguments(String subscriptionId, SubscriptionService service, long sequenceNumber) {
        return new Object[]{subscriptionId, service.productCode(), json(service.components()),
                json(service.distributorIds().stream().sorted().toList()), service.effectiveDate(),
                service.billablePeriodStartDate(), service.billingEffectiveDate(), sequenceNumber};
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable: " + values, e);
        }
    }
}
