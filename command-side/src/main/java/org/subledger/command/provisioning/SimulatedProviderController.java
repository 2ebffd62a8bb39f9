package org.subledger.command.provisioning;

import io.swagger.v3.oas.annotations.Operation;

import org.subledger.kernel.input.Name;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.provisioning.ProviderClient.ProviderAnswer;
import org.subledger.command.provisioning.ProviderClient.ProviderRequest;
import org.subledger.kernel.provisioning.ProvisioningOperation;

/** The simulated provider over HTTP, for manual use: {@code POST /api/simulated-provider/{provider}/requests}. */
@RestController
@RequestMapping("/api/simulated-provider")
class SimulatedProviderController {

    record Request(@NotBlank @Name(max = 512) String requestId, @Min(1) int attempt,
                   @Name(max = 100) String distributorId, String productCode,
                   @Name(max = 255) String providerProductId, @NotNull ProvisioningOperation operation) {
    }

    private final SimulatedProvider simulator;

    SimulatedProviderController(SimulatedProvider simulator) {
        this.simulator = simulator;
    }

    @PostMapping("/{provider}/requests")
    @Operation(summary = "Answer a provisioning request as the simulated provider would (sandboxes)")
    @PreAuthorize("hasRole('ADMIN')")
    ProviderAnswer request(@PathVariable String provider, @Valid @RequestBody Request request) {
        return simulator.receive(new ProviderRequest(request.requestId(), request.attempt(), provider,
                request.distributorId(), request.productCode(), request.providerProductId(), request.operation()));
    }
}
