package org.subledger.command.billing;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.billing.BillRunCandidatesSelected;
import org.subledger.kernel.billing.BillRunCompleted;
import org.subledger.kernel.billing.BillRunStarted;
import org.subledger.kernel.billing.BillRunState;
import org.subledger.kernel.billing.CompleteBillRun;
import org.subledger.kernel.billing.RecordBillRunCandidates;
import org.subledger.kernel.billing.StartBillRun;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.time.Instant;
import java.util.UUID;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A bill run: started for a billing date (and optional filters), then the number of subscriptions it selected, then
 * its completion with counts. The billing itself is done by {@link BillRunExecutor} in segments; this aggregate only
 * records the run's life, once per step.
 */
@Aggregate
class BillRun {

    /** A run scoped to accounts names at most this many (the scope travels in its event). */
    static final int MAX_ACCOUNTS = 1_000;

    @AggregateIdentifier
    private String runId;
    /** The run stream's one fold, shared with the reader that shows a run as of an instant. */
    private final BillRunState state = new BillRunState();

    BillRun() {
        // for Axon's event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartBillRun command) {
        if (runId != null) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "Bill run " + command.runId() + " exists");
        }
        if (!isUuid(command.runId())) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "runId: must be a UUID");
        }
        if (command.billingDate() == null) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "billingDate: is required");
        }
        String type = command.subscriptionTypeCode() == null || command.subscriptionTypeCode().isBlank()
                ? null : command.subscriptionTypeCode().strip();
        List<String> accounts = command.accountIds() == null ? null
                : command.accountIds().stream().map(String::strip).distinct().toList();
        if (accounts != null && (accounts.isEmpty() || accounts.size() > MAX_ACCOUNTS)) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "accountIds: from 1 to " + MAX_ACCOUNTS
                    + " accounts, or none for every account", java.util.Map.of("accountIds", "1 to " + MAX_ACCOUNTS));
        }
        apply(new BillRunStarted(command.runId(), command.billingDate(), command.billingFrequency(), type,
                accounts));
    }

    @CommandHandler
    void handle(RecordBillRunCandidates command) {
        if (!state.candidatesSelected()) {
            apply(new BillRunCandidatesSelected(runId, command.subscriptionsTotal()));
        }
    }

    @CommandHandler
    void handle(CompleteBillRun command) {
        if (!state.completed()) {
            apply(new BillRunCompleted(runId, command.subscriptionsTotal(), command.billed(), command.skipped(),
                    command.failed()));
        }
    }

    @EventSourcingHandler
    void on(BillRunStarted event, @Timestamp Instant timestamp) {
        runId = event.runId();
        state.apply(event, timestamp);
    }

    @EventSourcingHandler
    void on(BillRunCandidatesSelected event, @Timestamp Instant timestamp) {
        state.apply(event, timestamp);
    }

    @EventSourcingHandler
    void on(BillRunCompleted event, @Timestamp Instant timestamp) {
        state.apply(event, timestamp);
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }
}
