package org.subledger.kernel.provisioning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Stop an unanswered request: a newer one ({@code supersededBy}) for the same subscription, distributor and product
 * takes its place. Does nothing to a request already acknowledged, failed or superseded.
 */
public record SupersedeProvisioning(@TargetAggregateIdentifier String requestId, String supersededBy) {
}
