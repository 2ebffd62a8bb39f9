package org.subledger.command.provisioning;

import org.subledger.kernel.provisioning.ProvisioningOperation;

/** The integration with the provisioning providers: sends one attempt of a request and returns the answer. */
public interface ProviderClient {

    /** One attempt of a provisioning request, as sent to a provider. */
    record ProviderRequest(String requestId, int attempt, String provider, String distributorId, String productCode,
                           String providerProductId, ProvisioningOperation operation) {
    }

    /** The provider's answer: acknowledged, or rejected with a reason. */
    record ProviderAnswer(boolean acknowledged, String reason) {

        static ProviderAnswer ack() {
            return new ProviderAnswer(true, null);
        }

        static ProviderAnswer reject(String reason) {
            return new ProviderAnswer(false, reason);
        }
    }

    /** Sends the request; a thrown exception counts as a rejection (the attempt is retried). */
    ProviderAnswer send(ProviderRequest request);
}
