package org.subledger.command.provisioning;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.provisioning.AcknowledgeProvisioning;
import org.subledger.kernel.provisioning.ProvisioningAcknowledged;
import org.subledger.kernel.provisioning.ProvisioningFailed;
import org.subledger.kernel.provisioning.ProvisioningOperation;
import org.subledger.kernel.provisioning.ProvisioningRejected;
import org.subledger.kernel.provisioning.ProvisioningRequested;
import org.subledger.kernel.provisioning.ProvisioningSuperseded;
import org.subledger.kernel.provisioning.RejectProvisioning;
import org.subledger.kernel.provisioning.RequestProvisioning;
import org.subledger.kernel.provisioning.SupersedeProvisioning;

import java.time.Duration;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One provisioning request: a product to activate or deactivate on a distributor at a provider. Its id is
 * deterministic, so the same request asked again (a redelivered subscription event) is a no-op. Owns the retries:
 * a rejected attempt is re-requested after an exponential back-off (a {@value #RETRY_DEADLINE} deadline), up to
 * {@value #MAX_ATTEMPTS} attempts; a request not acknowledged within {@link #TIMEOUT} fails
 * ({@value #TIMEOUT_DEADLINE} deadline); a request still unanswered when a newer one for the same subscription,
 * distributor and product is made is superseded and never sent again. Deadlines go through Axon's
 * {@link DeadlineManager}, the persistent one when the platform configures it.
 */
@Aggregate
class ProvisioningRequest {

    static final String RETRY_DEADLINE = "provisioning-retry";
    static final String TIMEOUT_DEADLINE = "provisioning-timeout";
    static final int MAX_ATTEMPTS = 5;
    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    enum Status { PENDING, ACKNOWLEDGED, FAILED, SUPERSEDED }

    @AggregateIdentifier
    private String requestId;
    private String subscriptionId;
    private String provider;
    private String distributorId;
    private String productCode;
    private String providerProductId;
    private ProvisioningOperation operation;
    private int attempt;
    private Status status;

    ProvisioningRequest() {
        // for Axon
    }

    /** The back-off before attempt {@code rejectedAttempt + 1}: 1s, 2s, 4s, 8s… */
    static Duration backOff(int rejectedAttempt) {
        return FIRST_BACK_OFF.multipliedBy(1L << Math.min(rejectedAttempt - 1, 16));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestProvisioning command, DeadlineManager deadlines) {
        if (requestId != null) {
            return; // asked again for the same subscription event: already requested
        }
        apply(new ProvisioningRequested(command.requestId(), command.subscriptionId(), command.provider(),
                command.distributorId(), command.productCode(), command.providerProductId(), command.operation(), 1));
        deadlines.schedule(TIMEOUT, TIMEOUT_DEADLINE);
    }

    @CommandHandler
    void handle(AcknowledgeProvisioning command, DeadlineManager deadlines) {
        if (status != Status.PENDING) {
            return; // a duplicate or late answer
        }
        apply(new ProvisioningAcknowledged(requestId, subscriptionId, productCode, operation, command.attempt()));
        cancel(deadlines);
    }

    @CommandHandler
    void handle(RejectProvisioning command, DeadlineManager deadlines) {
        if (status != Status.PENDING || command.attempt() != attempt) {
            return; // an answer to an earlier attempt, or a duplicate
        }
        if (attempt >= MAX_ATTEMPTS) {
            apply(new ProvisioningFailed(requestId, subscriptionId, productCode, attempt, command.reason()));
            cancel(deadlines);
            return;
        }
        Duration backOff = backOff(attempt);
        apply(new ProvisioningRejected(requestId, subscriptionId, productCode, attempt, command.reason(),
                backOff.toMillis()));
        deadlines.schedule(backOff, RETRY_DEADLINE);
    }

    /**
     * A newer request for the same subscription, distributor and product is about to be sent: this one, if still
     * unanswered, is stopped first, or its next retry could reach the provider after the newer one and undo it (an
     * ACTIVATE rejected, retried after a DEACTIVATE that succeeded, would leave the product active).
     */
    @CommandHandler
    void handle(SupersedeProvisioning command, DeadlineManager deadlines) {
        if (status != Status.PENDING) {
            return; // answered, given up or already superseded: nothing left to stop
        }
        apply(new ProvisioningSuperseded(requestId, subscriptionId, productCode, attempt, command.supersededBy()));
        cancel(deadlines);
    }

    @DeadlineHandler(deadlineName = RETRY_DEADLINE)
    void retry() {
        if (status == Status.PENDING) {
            apply(new ProvisioningRequested(requestId, subscriptionId, provider, distributorId, productCode,
                    providerProductId, operation, attempt + 1));
        }
    }

    @DeadlineHandler(deadlineName = TIMEOUT_DEADLINE)
    void timeOut() {
        // a deadline handler's first parameter is its payload: no DeadlineManager here. A retry still scheduled
        // finds the request failed and does nothing.
        if (status == Status.PENDING) {
            apply(new ProvisioningFailed(requestId, subscriptionId, productCode, attempt,
                    "not acknowledged within " + TIMEOUT));
        }
    }

    private void cancel(DeadlineManager deadlines) {
        // this request's deadlines (the scope is the aggregate): no stored schedule ids are needed
        deadlines.cancelAllWithinScope(RETRY_DEADLINE);
        deadlines.cancelAllWithinScope(TIMEOUT_DEADLINE);
    }

    @EventSourcingHandler
    void on(ProvisioningRequested event) {
        requestId = event.requestId();
        subscriptionId = event.subscriptionId();
        provider = event.provider();
        distributorId = event.distributorId();
        productCode = event.productCode();
        providerProductId = event.providerProductId();
        operation = event.operation();
        attempt = event.attempt();
        status = Status.PENDING;
    }

    @EventSourcingHandler
    void on(ProvisioningAcknowledged event) {
        status = Status.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(ProvisioningFailed event) {
        status = Status.FAILED;
    }

    @EventSourcingHandler
    void on(ProvisioningSuperseded event) {
        status = Status.SUPERSEDED;
    }
}
