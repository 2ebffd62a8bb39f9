package org.subledger.command.job;

import org.subledger.command.serial.SerialNumbers;
import org.subledger.kernel.job.JobGood;
import org.subledger.kernel.job.JobState;
import org.subledger.kernel.job.JobStatus;

/**
 * When a good delivered through a job may replace an installed item (a repair): it is traceable, the job orders no
 * subscription of its own (an order installs new items), the job is not completed yet (completion is when the swap
 * is made, and a good added later would miss it), and the item it replaces is installed on a subscription of the
 * job's account — the one the serial numbers say holds it. Whether the swap itself is allowed is the subscription's
 * decision, when the job completes.
 */
final class JobReplacements {

    private static final String FIELD = "replacesSerialNumber";

    private final String jobId;
    private final JobState state;
    private final JobLookup lookup;
    private final SerialNumbers serialNumbers;

    JobReplacements(String jobId, JobState state, JobLookup lookup, SerialNumbers serialNumbers) {
        this.jobId = jobId;
        this.state = state;
        this.lookup = lookup;
        this.serialNumbers = serialNumbers;
    }

    /** The subscription of the job's account on which {@code replaced} is installed; else refused. */
    String subscriptionHolding(String replaced, JobGood good) {
        JobRules.require(replaced, FIELD);
        if (good.serialNumber() == null) {
            throw JobRules.invalid(FIELD, "is only for a traceable good, which replaces an installed item");
        }
        if (state.subscriptionRequest() != null) {
            throw JobRules.violated(FIELD, "an order job installs new items; it replaces none");
        }
        if (state.status() == JobStatus.COMPLETED) {
            throw JobRules.state(jobId, state.status(), "deliver a replacement");
        }
        String serial = replaced.strip();
        if (serial.equals(good.serialNumber())) {
            throw JobRules.invalid(FIELD, "must differ from the good's own serial number");
        }
        if (state.replacements().values().stream().anyMatch(other -> other.replacedSerialNumber().equals(serial))) {
            throw JobRules.violated(FIELD, serial + " is already replaced by another good of the job");
        }
        return serialNumbers.holderOf(serial)
                .filter(holder -> lookup.accountOfSubscription(holder).filter(state.accountId()::equals).isPresent())
                .orElseThrow(() -> JobRules.violated(FIELD, serial
                        + " is not installed on a subscription of the job's account"));
    }
}
