package org.subledger.kernel.provisioning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask a provider to activate or deactivate a product on a distributor. {@code requestId} is deterministic (see
 * {@link ProvisioningIds}): a second command with the same id records nothing.
 */
public record RequestProvisioning(@TargetAggregateIdentifier String requestId,
                                  String subscriptionId,
                                  String provider,
                                  String distributorId,
                                  String productCode,
                                  String providerProductId,
                                  ProvisioningOperation operation) {
}
