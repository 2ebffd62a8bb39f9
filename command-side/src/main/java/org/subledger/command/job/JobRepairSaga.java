package org.subledger.command.job;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.command.process.ProcessStep;
import org.subledger.command.process.ProcessSteps;
import org.subledger.kernel.job.JobCancelled;
import org.subledger.kernel.job.JobCompleted;
import org.subledger.kernel.job.JobGoodRemoved;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.job.JobReplacementDelivered;
import org.subledger.kernel.job.RecordJobReplacementRefusal;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.SwapInstalledItem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A repair job's replacements: when the job completes, each good delivered as the replacement of an installed item
 * swaps that item on the account's subscription, through the subscription's own {@code SwapInstalledItem} (so its
 * rules hold), on the completion date, with {@code cause: job:<jobId>} in the metadata. Lives from the first
 * replacement delivered to the job's completion or cancellation; a replacement taken off the job is not swapped.
 *
 * <p>Swapping waits for completion because until then the good may still be taken off the job, and a swap made is
 * a subscription action of its own, not undone quietly. A swap the subscription refuses (the item was removed from
 * it meanwhile, the subscription ended) is recorded on the attention list, step {@code job-swap:<jobId>:<lineId>},
 * and compensated: the job records the refusal ({@code JobReplacementRefused}) and releases the replacement's serial
 * number, which was claimed for the subscription on delivery; then the other swaps go on; a technical failure fails the event, which the group retries, then dead-letters.
 */
@Saga
@ProcessingGroup(JobRepairSaga.PROCESS)
public class JobRepairSaga { // public, with a public constructor: Axon instantiates sagas reflectively

    static final String PROCESS = "job-repairs";
    static final String STEP = "swap-installed-item";
    static final String RELEASE_STEP = "release-refused-replacement";

    private String jobId;
    /** line id → the replacement delivered on it, in delivery order. */
    private Map<String, JobReplacementDelivered> replacements = new LinkedHashMap<>();

    @Autowired
    private transient ProcessSteps steps;

    public JobRepairSaga() {
        // for Axon and the saga serializer
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "jobId")
    void on(JobReplacementDelivered event) {
        jobId = event.jobId();
        replacements.put(event.lineId(), event);
    }

    @SagaEventHandler(associationProperty = "jobId")
    void on(JobGoodRemoved event) {
        replacements.remove(event.good().lineId());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "jobId")
    void on(JobCancelled event) {
        // nothing swapped: the job released the replacements' serial numbers itself
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "jobId")
    void on(JobCompleted event) {
        for (JobReplacementDelivered replacement : replacements.values()) {
            Map<String, String> cause = Map.of(LedgerMetadata.CAUSE, "job:" + jobId);
            Optional<RefusalDetails> refused = steps.attempt(new ProcessStep(PROCESS, STEP,
                            stepId(jobId, replacement.lineId()), jobId, replacement.subscriptionId()),
                    new SwapInstalledItem(replacement.subscriptionId(), replacement.replacedSerialNumber(),
                            replacement.replacement(), event.actualCompletion(), ActionClassification.none()),
                    cause);
            // compensation: the job gives the replacement's serial number back and shows the refusal
            refused.ifPresent(details -> steps.send(new ProcessStep(PROCESS, RELEASE_STEP,
                            releaseStepId(jobId, replacement.lineId()), jobId, jobId),
                    new RecordJobReplacementRefusal(jobId, replacement.lineId(), details.code().name(),
                            details.message()), cause));
        }
    }

    static String releaseStepId(String jobId, String lineId) {
        return "job-swap-refused:" + jobId + ":" + lineId;
    }

    static String stepId(String jobId, String lineId) {
        return "job-swap:" + jobId + ":" + lineId;
    }
}
