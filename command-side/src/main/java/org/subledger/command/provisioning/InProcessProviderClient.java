package org.subledger.command.provisioning;

import org.springframework.stereotype.Component;

/**
 * The provider client of this build: calls the {@link SimulatedProvider} in process (the same component that serves
 * {@code POST /api/simulated-provider/{provider}/requests} for manual use). A real integration replaces this bean.
 */
@Component
class InProcessProviderClient implements ProviderClient {

    private final SimulatedProvider simulator;

    InProcessProviderClient(SimulatedProvider simulator) {
        this.simulator = simulator;
    }

    @Override
    public ProviderAnswer send(ProviderRequest request) {
        return simulator.receive(request);
    }
}
