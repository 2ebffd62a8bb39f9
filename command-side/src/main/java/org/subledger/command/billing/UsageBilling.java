package org.subledger.command.billing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.subscription.BuyInAdvanceRequested;
import org.subledger.kernel.usage.UsageBillingDue;

import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bills outside the bill run: a subscription's unbilled usage as soon as it is due (a prepaid subscription, or a
 * billing term threshold reached): the ask recorded here, in the processor's transaction, and billed with others by
 * the {@link UsageBillWorker} on today's date; and a period bought in advance, at once, on the day it was requested: a
 * BUY_IN_ADVANCE bill through the end of the bought period (a bill run on or after that day bills it instead if it
 * comes first; either way it is billed once). Redelivery of the same event finds everything billed already (or the
 * ask recorded) and issues nothing.
 * <p>
 * A bill is written in a transaction of its own, not in the processor's: a concurrent append to the same account
 * or subscription (another node, a bill run, a usage bill) fails on the event store's unique key, and
 * {@link BillWriter} retries it from a fresh read, which it could not do inside the processor's transaction (the
 * failed statement aborts it, and the whole batch would fail).
 */
@Component
@ProcessingGroup(UsageBilling.GROUP)
class UsageBilling {

    static final String GROUP = "usage-billing";
    private static final String WAKE = UsageBilling.class.getName() + ".wake";

    private final BillWriter writer;
    private final BillingCatalogs catalogs;
    private final UsageBillAsks asks;
    private final UsageBillWorker worker;
    // a thread of its own: Axon hands the processor's connection to any JDBC work done on the processor's thread
    // while its unit of work is active, so a transaction of its own needs another thread
    private final ExecutorService billing = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "usage-bill");
        thread.setDaemon(true);
        return thread;
    });

    UsageBilling(BillWriter writer, BillingCatalogs catalogs, UsageBillAsks asks, UsageBillWorker worker) {
        this.writer = writer;
        this.catalogs = catalogs;
        this.asks = asks;
        this.worker = worker;
    }

    /**
     * Records the ask, with the audit metadata its bill's events will carry (principal, idempotency key, correlation,
     * and this event as their cause, as the processor's correlation data providers give it to every message it
     * causes); the worker is woken once the processor's transaction has committed it.
     */
    @EventHandler
    void on(UsageBillingDue due, EventMessage<?> message) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        asks.record(message.getIdentifier(), due.subscriptionId(), due.accountId(), unitOfWork.getCorrelationData(),
                message.getTimestamp());
        unitOfWork.root().getOrComputeResource(WAKE, key -> {
            unitOfWork.root().afterCommit(committed -> worker.wake());
            return Boolean.TRUE;
        });
    }

    @EventHandler
    void on(BuyInAdvanceRequested requested) {
        bill(requested.accountId(), requested.subscriptionId(), requested.requestedOn(), BillKind.BUY_IN_ADVANCE);
    }

    private void bill(String accountId, String subscriptionId, LocalDate on, BillKind kind) {
        // the audit metadata the handled event passes on (principal, idempotency key, correlation, causation: this
        // event), as the processor's correlation data providers give it to every message it causes
        MetaData metaData = CurrentUnitOfWork.get().getCorrelationData();
        var candidate = new BillWriter.Candidate(accountId, subscriptionId);
        BillWriter.Outcome outcome = await(() -> writer.bill(List.of(candidate), on, kind, null, catalogs.read(),
                metaData, written -> {
                }));
        if (!outcome.technicalFailures().isEmpty()) {
            // a defect, not a business refusal: failing the event lets the processor retry it, then dead-letter it
            var failure = outcome.technicalFailures().get(0);
            throw new IllegalStateException(kind + " bill of subscription " + subscriptionId + " failed: "
                    + failure.error() + ": " + failure.message(), failure.cause());
        }
    }

    private BillWriter.Outcome await(java.util.concurrent.Callable<BillWriter.Outcome> bill) {
        try {
            return billing.submit(bill).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while issuing a usage bill", interrupted);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("usage bill failed", failed.getCause());
        }
    }

    @PreDestroy
    void stop() {
        billing.shutdownNow();
    }
}
