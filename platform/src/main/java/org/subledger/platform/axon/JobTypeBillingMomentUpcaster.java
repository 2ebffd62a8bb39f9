package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.catalog.JobBillingMoment;
import org.subledger.kernel.catalog.JobTypeAmended;
import org.subledger.kernel.catalog.JobTypeCreated;

/**
 * Revision 1 of {@link JobTypeCreated} and {@link JobTypeAmended} predates the job type's billing moment: every job
 * was billed on completion ({@code "billingMoment": "ON_COMPLETION"}), which revision 2 states.
 */
public class JobTypeBillingMomentUpcaster extends NextRevisionUpcaster {

    public JobTypeBillingMomentUpcaster() {
        super("1", "2", JobTypeBillingMomentUpcaster::onCompletion, JobTypeCreated.class, JobTypeAmended.class);
    }

    private static JsonNode onCompletion(JsonNode payload) {
        if (payload.get("definition") instanceof ObjectNode definition && !definition.hasNonNull("billingMoment")) {
            definition.put("billingMoment", JobBillingMoment.ON_COMPLETION.name());
        }
        return payload;
    }
}
