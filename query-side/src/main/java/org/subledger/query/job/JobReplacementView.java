package org.subledger.query.job;

import org.subledger.kernel.job.JobReplacementDelivered;
import org.subledger.kernel.job.JobReplacementRefused;
import org.subledger.kernel.job.JobState;

import java.util.List;

/**
 * What a repair replaced: on line {@code lineId}, the installed item {@code replacedSerialNumber} of subscription
 * {@code subscriptionId} by the good {@code serialNumber}; {@code DELIVERED} (swapped on the subscription when the
 * job completes) or {@code REFUSED} by the subscription, with its code and message (the serial number was given back).
 */
public record JobReplacementView(String lineId, String subscriptionId, String replacedSerialNumber,
                                 String serialNumber, String productCode, String status, String refusalCode,
                                 String refusalMessage) {

    public static final String DELIVERED = "DELIVERED";
    public static final String REFUSED = "REFUSED";

    static List<JobReplacementView> of(JobState job) {
        return job.replacements().values().stream().map(replacement -> of(replacement,
                job.replacementRefusal(replacement.lineId()).orElse(null))).toList();
    }

    private static JobReplacementView of(JobReplacementDelivered delivered, JobReplacementRefused refused) {
        return new JobReplacementView(delivered.lineId(), delivered.subscriptionId(),
                delivered.replacedSerialNumber(), delivered.replacement().serialNumber(),
                delivered.replacement().productCode(), refused == null ? DELIVERED : REFUSED,
                refused == null ? null : refused.code(), refused == null ? null : refused.message());
    }
}
