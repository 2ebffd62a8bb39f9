package org.subledger.kernel.provisioning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider acknowledged attempt {@code attempt} of the request. */
public record AcknowledgeProvisioning(@TargetAggregateIdentifier String requestId, int attempt) {
}
