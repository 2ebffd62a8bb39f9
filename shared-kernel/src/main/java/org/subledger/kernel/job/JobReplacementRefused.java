package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.subscription.InstalledItem;

/**
 * The subscription refused to swap the replacement delivered on line {@code lineId} for its installed item
 * {@code replacedSerialNumber} ({@code code} and {@code message} say why): the replacement's serial number, claimed
 * for the subscription when it was delivered, was released again in the same transaction, so it is free for another
 * subscription or job. The good stays on the job (it was delivered and is billed).
 */
@Revision("1")
public record JobReplacementRefused(String jobId, String lineId, String subscriptionId, String replacedSerialNumber,
                                    InstalledItem replacement, String code, String message) implements JobEvent {
}
