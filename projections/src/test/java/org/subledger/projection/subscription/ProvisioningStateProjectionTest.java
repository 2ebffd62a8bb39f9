package org.subledger.projection.subscription;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.provisioning.ProvisioningAcknowledged;
import org.subledger.kernel.provisioning.ProvisioningFailed;
import org.subledger.kernel.provisioning.ProvisioningIds;
import org.subledger.kernel.provisioning.ProvisioningOperation;
import org.subledger.kernel.provisioning.ProvisioningRejected;
import org.subledger.kernel.provisioning.ProvisioningRequested;
import org.subledger.kernel.provisioning.ProvisioningSuperseded;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.projection.ProjectionWiringTest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The provisioning state of services on the real wiring: PENDING while asked, PROVISIONED when every request of the
 * latest event was acknowledged, FAILED when one failed; and a service row written after its answer (the projections
 * run independently) takes the state already known.
 */
class ProvisioningStateProjectionTest extends ProjectionWiringTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void servicesArePendingThenProvisionedOrFailedAndALateServiceRowTakesItsKnownState() {
        String id = UUID.randomUUID().toString();
        String gold = ProvisioningIds.requestId(id, 0, "NAGRA", "STB-1", "GOLD");
        String sport = ProvisioningIds.requestId(id, 0, "NAGRA", "STB-1", "SPORT");

        // GOLD answered before the services projection wrote the subscription's rows
        eventStore.publish(List.of(
                request(gold, 0, requested(gold, id, "GOLD", 1)),
                request(gold, 1, new ProvisioningAcknowledged(gold, id, "GOLD", ProvisioningOperation.ACTIVATE, 1))));
        await("GOLD acknowledged", () -> "ACKNOWLEDGED".equals(requestState(gold)));

        eventStore.publish(List.of(new GenericDomainEventMessage<>("Subscription", id, 0,
                new SubscriptionCreated(id, "ACC-1", "GOLD", SubscriptionState.EFFECTIVE,
                        new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.MONTHLY, MARCH_1, MARCH_1,
                                MARCH_1.plusMonths(12), null, null), null, null,
                        List.of(new Distributor("STB-1", "NAGRA")),
                        List.of(service("GOLD"), service("SPORT")), List.of(), MARCH_1,
                        SubscriptionAction.of(BehaviourCode.BECOME_SUBSCRIBER, null)),
                MetaData.emptyInstance(), UUID.randomUUID().toString(), T0)));
        await("GOLD provisioned, SPORT pending", () -> "PROVISIONED".equals(serviceState(id, "GOLD"))
                && "PENDING".equals(serviceState(id, "SPORT")));

        eventStore.publish(List.of(request(sport, 0, requested(sport, id, "SPORT", 1)),
                request(sport, 1, new ProvisioningRejected(sport, id, "SPORT", 1, "busy", 1000)),
                request(sport, 2, requested(sport, id, "SPORT", 2))));
        await("SPORT retried", () -> requestAttempt(sport) == 2);
        await("SPORT still pending", () -> "PENDING".equals(serviceState(id, "SPORT")));

        eventStore.publish(List.of(request(sport, 3, new ProvisioningFailed(sport, id, "SPORT", 2, "refused"))));
        await("SPORT failed", () -> "FAILED".equals(serviceState(id, "SPORT")));
        await("GOLD still provisioned", () -> "PROVISIONED".equals(serviceState(id, "GOLD")));
    }

    @Test
    void anActivationSupersededByALaterDeactivationIsShownSupersededAndTheServiceByTheDeactivation() {
        String id = UUID.randomUUID().toString();
        String activation = ProvisioningIds.requestId(id, 0, "NAGRA", "STB-1", "GOLD");
        String deactivation = ProvisioningIds.requestId(id, 1, "NAGRA", "STB-1", "GOLD");

        eventStore.publish(List.of(
                request(activation, 0, requested(activation, id, "GOLD", 1)),
                request(activation, 1, new ProvisioningRejected(activation, id, "GOLD", 1, "busy", 1000)),
                request(activation, 2, new ProvisioningSuperseded(activation, id, "GOLD", 1, deactivation)),
                request(deactivation, 0, new ProvisioningRequested(deactivation, id, "NAGRA", "STB-1", "GOLD", "GOLD",
                        ProvisioningOperation.DEACTIVATE, 1)),
                request(deactivation, 1, new ProvisioningAcknowledged(deactivation, id, "GOLD",
                        ProvisioningOperation.DEACTIVATE, 1))));

        await("the activation superseded, the deactivation acknowledged", () ->
                "SUPERSEDED".equals(requestState(activation)) && "ACKNOWLEDGED".equals(requestState(deactivation)));
        assertThat(jdbc.queryForObject("select provisioning_state_of(?, ?)", String.class, id, "GOLD"))
                .isEqualTo("PROVISIONED");
    }

    private static ProvisioningRequested requested(String requestId, String subscriptionId, String product,
                                                   int attempt) {
        return new ProvisioningRequested(requestId, subscriptionId, "NAGRA", "STB-1", product, product,
                ProvisioningOperation.ACTIVATE, attempt);
    }

    private static SubscriptionService service(String productCode) {
        return new SubscriptionService(productCode, List.of(), MARCH_1, MARCH_1, MARCH_1, Set.of("STB-1"));
    }

    private static DomainEventMessage<?> request(String requestId, long sequenceNumber, Object payload) {
        return new GenericDomainEventMessage<>("ProvisioningRequest", requestId, sequenceNumber, payload,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), T0.plusSeconds(sequenceNumber));
    }

    private String requestState(String requestId) {
        return jdbc.queryForList("select state from provisioning_request where request_id = ?", String.class,
                requestId).stream().findFirst().orElse(null);
    }

    private int requestAttempt(String requestId) {
        return jdbc.queryForList("select attempt from provisioning_request where request_id = ?", Integer.class,
                requestId).stream().findFirst().orElse(0);
    }

    private String serviceState(String subscriptionId, String productCode) {
        return jdbc.queryForList("select provisioning_state from subscription_service"
                        + " where subscription_id = ? and product_code = ?", String.class, subscriptionId, productCode)
                .stream().findFirst().orElse(null);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
