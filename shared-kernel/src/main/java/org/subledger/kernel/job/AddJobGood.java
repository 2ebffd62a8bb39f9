package org.subledger.kernel.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Deliver a physical good through the job (its serial number claimed for it when traceable). On a repair, a
 * traceable good may name the serial number of the installed item it replaces: when the job completes, the item is
 * swapped on the account's subscription that holds it.
 */
public record AddJobGood(@TargetAggregateIdentifier String jobId, JobGood good, String replacesSerialNumber) {

    /** A good that replaces nothing. */
    public AddJobGood(String jobId, JobGood good) {
        this(jobId, good, null);
    }
}
