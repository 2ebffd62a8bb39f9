package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;

/** The subscription the job ordered was refused by the subscription's rules: the code and message say why. */
@Revision("1")
public record JobSubscriptionRefused(String jobId, String subscriptionId, String code, String message)
        implements JobEvent {
}
