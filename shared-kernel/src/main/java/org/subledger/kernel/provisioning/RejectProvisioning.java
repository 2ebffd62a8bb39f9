package org.subledger.kernel.provisioning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider rejected (or could not be reached for) attempt {@code attempt} of the request. */
public record RejectProvisioning(@TargetAggregateIdentifier String requestId, int attempt, String reason) {
}
