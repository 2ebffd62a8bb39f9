package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.subscription.InstalledItem;

/**
 * The good on line {@code lineId} was delivered to replace the installed item {@code replacedSerialNumber} of the
 * account's subscription {@code subscriptionId} (a repair): its serial number is claimed for that subscription, and
 * the item is swapped on it through the subscription's own command when the job completes.
 */
@Revision("1")
public record JobReplacementDelivered(String jobId, String lineId, String subscriptionId, String replacedSerialNumber,
                                      InstalledItem replacement) implements JobEvent {
}
