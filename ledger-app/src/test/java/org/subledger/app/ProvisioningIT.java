package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.command.provisioning.SimulatedProvider;
import org.subledger.kernel.provisioning.ProvisioningIds;
import org.subledger.kernel.provisioning.ProvisioningOperation;
import org.subledger.kernel.provisioning.RequestProvisioning;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provisioning saga end to end against the simulated provider (called in process): a service of an effective
 * subscription is provisioned, through a retry after a simulated failure, and a redelivered request is not sent to
 * the provider again; an activation still being retried is superseded by a later deactivation, which the provider
 * ends with. The simulator's behaviour is set per test on the bean: the context is shared by all ITs.
 */
class ProvisioningIT extends LedgerIT {

    @Autowired
    SimulatedProvider simulator;
    @Autowired
    CommandGateway commandGateway;

    private String accountId;

    @BeforeEach
    void catalogAndAccount() {
        loadSampleCatalog();
        accountId = api.openAccount("Paul", "Provisioned", "500.00");
        Await.until("the account on the read side", () -> api.get("reporter", "/api/accounts/" + accountId),
                response -> response.status() == 200);
    }

    @AfterEach
    void simulatorBackToNormal() {
        simulator.failFirstAttempts(0);
        simulator.reject(request -> false);
    }

    @Test
    void provisioningIsRetriedAfterASimulatedProviderFailureAndNotSentTwiceAfterRedelivery() {
        simulator.failFirstAttempts(1);
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-02-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}]}""".formatted(accountId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subscriptionId").asText();

        JsonNode gold = Await.until("GOLD provisioned", () -> api.get("reporter",
                        "/api/subscriptions/" + id + "/services").json(),
                services -> services.size() == 1
                        && services.get(0).get("provisioningState").asText().equals("PROVISIONED")).get(0);
        assertThat(gold.get("productCode").asText()).isEqualTo("GOLD");

        String requestId = ProvisioningIds.requestId(id, 0, "NAGRA", "STB-1", "GOLD");
        assertThat(simulator.requestIdsOf(id)).isEqualTo(Set.of(requestId));
        assertThat(simulator.received(requestId, 1)).as("the failed first attempt").isEqualTo(1);
        assertThat(simulator.received(requestId, 2)).as("the retry").isEqualTo(1);
        assertThat(simulator.received(requestId)).isEqualTo(2);
        assertThat(simulator.applied(requestId)).isTrue();
        assertThat(jdbc.queryForList("""
                        select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                String.class, requestId)).containsExactly("org.subledger.kernel.provisioning.ProvisioningRequested",
                "org.subledger.kernel.provisioning.ProvisioningRejected",
                "org.subledger.kernel.provisioning.ProvisioningRequested",
                "org.subledger.kernel.provisioning.ProvisioningAcknowledged");

        // the saga handling the subscription's creation again (a redelivery) asks the same request id: nothing new
        commandGateway.sendAndWait(new RequestProvisioning(requestId, id, "NAGRA", "STB-1", "GOLD", "NML-GOLD",
                ProvisioningOperation.ACTIVATE));
        // the request decides synchronously, and only a new ProvisioningRequested is ever sent to the provider: with
        // no new event on the request's stream, nothing can be on its way to the provider
        assertThat(eventCount(requestId)).isEqualTo(4);
        assertThat(simulator.received(requestId)).as("never sent again").isEqualTo(2);
        assertThat(simulator.requestIdsOf(id)).hasSize(1);
        assertThat(api.get("reporter", "/api/subscriptions/" + id + "/services").json().get(0)
                .get("provisioningState").asText()).isEqualTo("PROVISIONED");
        assertThat(List.of(jdbc.queryForObject("select state from provisioning_request where request_id = ?",
                String.class, requestId))).containsExactly("ACKNOWLEDGED");
    }

    @Test
    void aRejectedActivationStillRetryingIsSupersededByALaterDeactivationAndTheProviderEndsDeactivated() {
        String distributor = "STB-ORDER-" + UUID.randomUUID().toString().substring(0, 8);
        // the provider rejects the activation on this distributor until the deactivation has been carried out
        simulator.reject(request -> request.operation() == ProvisioningOperation.ACTIVATE
                && request.distributorId().equals(distributor));
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-02-01",
                 "distributors":[{"distributorId":"%s","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["%s"]}]}"""
                .formatted(accountId, distributor, distributor));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subscriptionId").asText();
        String activation = ProvisioningIds.requestId(id, 0, "NAGRA", distributor, "GOLD");
        Await.until("the activation rejected and waiting for its retry", () -> eventTypes(activation),
                types -> types.contains("ProvisioningRejected"));

        assertThat(api.post("supervisor", "/api/subscriptions/" + id + "/deactivate",
                "{\"actionDate\":\"2026-02-10\"}").status()).isEqualTo(200);
        long deactivatedAt = jdbc.queryForObject("""
                select sequence_number from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%SubscriptionDeactivated'""", Long.class, id);
        String deactivation = ProvisioningIds.requestId(id, deactivatedAt, "NAGRA", distributor, "GOLD");
        Await.until("the deactivation acknowledged", () -> eventTypes(deactivation),
                types -> types.contains("ProvisioningAcknowledged"));
        // from now on the provider would accept the activation: a retry of it must never reach it
        simulator.reject(request -> false);

        assertThat(eventTypes(activation)).last().isEqualTo("ProvisioningSuperseded");
        Await.until("no deadline of the superseded activation left", () -> jdbc.queryForObject("""
                select count(*) from scheduled_tasks where position(convert_to(?, 'UTF8') in task_data) > 0""",
                Long.class, activation), count -> count == 0);
        assertThat(simulator.state("NAGRA", distributor, "GOLD")).isEqualTo(ProvisioningOperation.DEACTIVATE);
        assertThat(simulator.applied(activation)).isFalse();
        assertThat(simulator.received(activation)).as("every attempt sent once, none after the supersession")
                .isEqualTo((int) eventTypes(activation).stream().filter("ProvisioningRequested"::equals).count());
        Await.until("the activation shown as superseded", () -> jdbc.queryForList(
                "select state from provisioning_request where request_id = ?", String.class, activation),
                List.of("SUPERSEDED")::equals);
    }

    List<String> eventTypes(String aggregateId) {
        return jdbc.queryForList("""
                select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                String.class, aggregateId).stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }
}
