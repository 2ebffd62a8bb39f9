package org.subledger.command.provisioning;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.provisioning.AcknowledgeProvisioning;
import org.subledger.kernel.provisioning.ProvisioningOperation;
import org.subledger.kernel.provisioning.ProvisioningRequested;
import org.subledger.kernel.provisioning.RejectProvisioning;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispatcher against the simulated provider: failures, retries' answers and duplicates. */
class ProvisioningDispatcherTest {

    static final String ID = "provisioning:sub-1:0:NAGRA:STB-1:GOLD";

    final List<Object> sent = new ArrayList<>();
    final CommandGateway gateway = (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{CommandGateway.class}, (proxy, method, args) -> {
                if (method.getName().equals("sendAndWait")) {
                    sent.add(args[0]);
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    static ProvisioningRequested attempt(int attempt) {
        return new ProvisioningRequested(ID, "sub-1", "NAGRA", "STB-1", "GOLD", "NML-GOLD",
                ProvisioningOperation.ACTIVATE, attempt);
    }

    @Test
    void aFailedFirstAttemptIsRejectedAndTheRetryAcknowledged() {
        var simulator = new SimulatedProvider(Duration.ZERO, 0, 1);
        var dispatcher = new ProvisioningDispatcher(new InProcessProviderClient(simulator), gateway);

        dispatcher.on(attempt(1));
        dispatcher.on(attempt(2));

        assertThat(sent).containsExactly(new RejectProvisioning(ID, 1, "simulated failure of attempt 1"),
                new AcknowledgeProvisioning(ID, 2));
        assertThat(simulator.applied(ID)).isTrue();
        assertThat(simulator.received(ID)).isEqualTo(2);
    }

    @Test
    void aRedeliveredAttemptIsAcknowledgedAgainButAppliedOnce() {
        var simulator = new SimulatedProvider(Duration.ZERO, 0, 0);
        var dispatcher = new ProvisioningDispatcher(new InProcessProviderClient(simulator), gateway);

        dispatcher.on(attempt(1));
        simulator.failureRate(1.0); // even a failing provider acknowledges what it has already carried out
        dispatcher.on(attempt(1));

        assertThat(sent).containsExactly(new AcknowledgeProvisioning(ID, 1), new AcknowledgeProvisioning(ID, 1));
        assertThat(simulator.received(ID, 1)).isEqualTo(2);
    }

    @Test
    void anUnreachableProviderCountsAsARejection() {
        ProviderClient down = request -> {
            throw new IllegalStateException("connection refused");
        };
        new ProvisioningDispatcher(down, gateway).on(attempt(3));

        assertThat(sent).containsExactly(new RejectProvisioning(ID, 3, "connection refused"));
    }

    @Test
    void aFailureRateOfOneRejectsEveryNewRequest() {
        var simulator = new SimulatedProvider(Duration.ofMillis(1), 1.0, 0);
        assertThat(simulator.receive(new ProviderClient.ProviderRequest(ID, 1, "NAGRA", "STB-1", "GOLD", "NML-GOLD",
                ProvisioningOperation.ACTIVATE)).acknowledged()).isFalse();
        assertThat(simulator.applied(ID)).isFalse();
    }
}
