package org.subledger.command.job;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.command.process.Refusals;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.kernel.job.JobCancelled;
import org.subledger.kernel.job.JobCompleted;
import org.subledger.kernel.job.JobCreated;
import org.subledger.kernel.job.JobGoodAdded;
import org.subledger.kernel.job.JobGoodRemoved;
import org.subledger.kernel.job.RecordJobSubscriptionRefusal;
import org.subledger.kernel.job.SubscriptionRequest;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.ActivateSubscription;
import org.subledger.kernel.subscription.BecomeSubscriber;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.SubscriptionState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An order job's subscription: when the job completes, the subscription it carries is created through the
 * subscription's own command ({@code BecomeSubscriber}, so every rule of subscriptions holds: credit limit, serial
 * numbers, allowed plans), with the job's traceable goods as its installed items, owned by the job's unit, as a draft
 * on the completion date, then activated ({@code ActivateSubscription}) when it names a distributor, with
 * {@code cause: job:<jobId>} in the metadata of its events. Lives from the job's creation to its completion or cancellation; a job without a subscription request
 * ends it at once.
 *
 * <p>A business refusal is recorded on the job ({@code JobSubscriptionRefused}) and the process ends; a technical
 * failure fails the event, which the saga's group retries and then dead-letters. Redelivered after the subscription
 * was created, the creation is refused as existing, which is the step done (and so is an activation then refused
 * because it is no longer a draft).
 */
@Saga
@ProcessingGroup(JobSubscriptionSaga.PROCESS)
public class JobSubscriptionSaga { // public, with a public constructor: Axon instantiates sagas reflectively

    static final String PROCESS = "job-subscriptions";
    private static final Logger LOG = LoggerFactory.getLogger(JobSubscriptionSaga.class);

    private String jobId;
    private String accountId;
    private String owningUnit;
    private SubscriptionRequest request;
    /** serial number → product code of the job's traceable goods, in delivery order. */
    private Map<String, String> installedItems = new LinkedHashMap<>();

    @Autowired
    private transient CommandGateway commandGateway;

    public JobSubscriptionSaga() {
        // for Axon and the saga serializer
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "jobId")
    void on(JobCreated event) {
        if (event.subscriptionRequest() == null) {
            SagaLifecycle.end();
            return;
        }
        jobId = event.jobId();
        accountId = event.accountId();
        owningUnit = event.owningUnit();
        request = event.subscriptionRequest();
    }

    @SagaEventHandler(associationProperty = "jobId")
    void on(JobGoodAdded event) {
        if (event.good().serialNumber() != null) {
            installedItems.put(event.good().serialNumber(), event.good().productCode());
        }
    }

    @SagaEventHandler(associationProperty = "jobId")
    void on(JobGoodRemoved event) {
        if (event.good().serialNumber() != null) {
            installedItems.remove(event.good().serialNumber());
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "jobId")
    void on(JobCancelled event) {
        // nothing ordered: the job released its serial numbers itself
    }

    /**
     * The subscription is created as a draft and then activated, each through the subscription's own command: the
     * activation is the subscription action that bills its services from the completion date and tells
     * provisioning. A request that names no distributor stays a draft (an effective subscription needs one), to be
     * activated once it has one.
     */
    @EndSaga
    @SagaEventHandler(associationProperty = "jobId")
    void on(JobCompleted event) {
        List<InstalledItem> items = installedItems.entrySet().stream()
                .map(item -> new InstalledItem(item.getKey(), item.getValue())).toList();
        var draft = new BecomeSubscriber(request.subscriptionId(), accountId, request.subscriptionTypeCode(),
                request.billingTerms(), null, null, SubscriptionState.DRAFT, request.distributors(),
                request.services(), items, event.actualCompletion(), null, owningUnit);
        Optional<RefusalDetails> created = send(draft);
        boolean existed = created.filter(refusal -> refusal.code() == ErrorCode.SUBSCRIPTION_ALREADY_EXISTS)
                .isPresent();
        if (created.isPresent() && !existed) {
            record(created.get());
            return;
        }
        if (request.distributors().isEmpty()) {
            return;
        }
        Optional<RefusalDetails> activated = send(new ActivateSubscription(request.subscriptionId(),
                event.actualCompletion(), ActionClassification.none()));
        // redelivered after the activation: the subscription exists and is no longer a draft, the step is done
        boolean activatedBefore = existed && activated.filter(refusal ->
                refusal.code() == ErrorCode.SUBSCRIPTION_STATE_INVALID).isPresent();
        if (activated.isPresent() && !activatedBefore) {
            record(activated.get());
        }
    }

    /** Sends a command with the job as its cause: empty when done, the refusal when refused; else it throws. */
    private Optional<RefusalDetails> send(Object command) {
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(LedgerMetadata.CAUSE, "job:" + jobId)));
            return Optional.empty();
        } catch (RuntimeException failure) {
            return Optional.of(Refusals.of(failure).orElseThrow(() -> failure));
        }
    }

    private void record(RefusalDetails refusal) {
        LOG.warn("The subscription of job {} was refused: {} {}", jobId, refusal.code(), refusal.message());
        commandGateway.sendAndWait(new RecordJobSubscriptionRefusal(jobId, request.subscriptionId(),
                refusal.code().name(), refusal.message()));
    }
}
