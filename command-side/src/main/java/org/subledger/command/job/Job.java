package org.subledger.command.job;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.command.access.CommandScopes;
import org.subledger.command.serial.SerialNumbers;
import org.subledger.command.subscription.AccountFacts;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.job.AddJobActivity;
import org.subledger.kernel.job.AddJobDiscount;
import org.subledger.kernel.job.ApproveJobDiscount;
import org.subledger.kernel.job.AddJobExpense;
import org.subledger.kernel.job.AddJobGood;
import org.subledger.kernel.job.AssignJob;
import org.subledger.kernel.job.CancelJob;
import org.subledger.kernel.job.CompleteJob;
import org.subledger.kernel.job.CreateJob;
import org.subledger.kernel.job.JobActivityAdded;
import org.subledger.kernel.job.JobAssigned;
import org.subledger.kernel.catalog.JobBillingMoment;
import org.subledger.kernel.job.JobBillingDeferred;
import org.subledger.kernel.job.JobCancelled;
import org.subledger.kernel.job.JobCompleted;
import org.subledger.kernel.job.JobCreated;
import org.subledger.kernel.job.JobEvent;
import org.subledger.kernel.job.JobExpenseAdded;
import org.subledger.kernel.job.JobGood;
import org.subledger.kernel.job.JobActivityRemoved;
import org.subledger.kernel.job.JobExpenseRemoved;
import org.subledger.kernel.job.JobGoodAdded;
import org.subledger.kernel.job.JobGoodRemoved;
import org.subledger.kernel.job.RemoveJobActivity;
import org.subledger.kernel.job.RemoveJobExpense;
import org.subledger.kernel.job.RemoveJobGood;
import org.subledger.kernel.job.JobReplacementDelivered;
import org.subledger.kernel.job.JobStarted;
import org.subledger.kernel.job.JobState;
import org.subledger.kernel.job.JobStatus;
import org.subledger.kernel.job.JobSubscriptionRefused;
import org.subledger.kernel.job.JobReplacementRefused;
import org.subledger.kernel.job.RecordJobReplacementRefusal;
import org.subledger.kernel.job.RecordJobSubscriptionRefusal;
import org.subledger.kernel.job.RejectJobDiscount;
import org.subledger.kernel.job.StartJob;
import org.subledger.kernel.job.SubscriptionRequest;
import org.subledger.kernel.subscription.InstalledItem;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A job: a small project the operator runs for an account's customer (an installation, a repair, a shop sale, an
 * order for a new subscription) that delivers physical goods, expenses and activities and bills them once. Owns the
 * invariants (its ad hoc discounts: {@link JobDiscounts}): the account exists, is open and in the user's scope; the job type, billing term scheme and price plan
 * exist and go together; its life cycle goes PENDING → IN_PROGRESS → COMPLETED, or to CANCELLED before completion;
 * its contents are what its job type and activity types allow ({@link JobContents}); an account over its credit
 * limit orders nothing through a job unless its scheme overrides that; a traceable good's serial number is claimed
 * with it ({@link SerialNumbers}) for the subscription the job orders, else for the job; and once billed, nothing
 * on it changes. Its state is {@link JobState}, the one fold of its stream, which billing and the query side read
 * too. The users of the owning unit and of the unit it is assigned to may work on it; others are answered as if it
 * did not exist.
 */
@Aggregate
class Job {

    private static final Pattern UNIT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_\\-]{0,63}");

    @AggregateIdentifier
    private String jobId;
    private JobState state = new JobState();

    Job() {
        // for Axon's event sourcing
    }

    @CommandHandlerInterceptor
    Object checkAccess(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        AccessScope scope = CommandScopes.of(command.getMetaData());
        if (jobId != null && scope != null && !scope.mayChange(state.owningUnit())
                && !(state.assignedUnit() != null && scope.mayChange(state.assignedUnit()))) {
            throw LedgerRefusal.outOfScope(ErrorCode.JOB_NOT_FOUND, "job", jobId, "No record with id " + jobId);
        }
        return chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateJob command, JobLookup lookup, MetaData metaData, Clock clock) {
        if (jobId != null) {
            throw new LedgerRefusal(ErrorCode.JOB_ALREADY_EXISTS, "Job " + command.jobId() + " exists");
        }
        if (!JobRules.isUuid(command.jobId())) {
            throw JobRules.invalid("jobId", "must be a UUID");
        }
        JobRules.require(command.accountId(), "accountId");
        JobRules.require(command.jobTypeCode(), "jobTypeCode");
        JobRules.require(command.billingTermSchemeCode(), "billingTermSchemeCode");
        JobRules.require(command.expectedCompletion(), "expectedCompletion");
        AccessScope scope = CommandScopes.of(metaData);
        String owning = CommandScopes.owningUnit(command.owningUnit(), scope);
        AccountFacts account = owner(command.accountId(), lookup, scope);
        lookup.jobType(command.jobTypeCode()).orElseThrow(() ->
                JobRules.violated("jobTypeCode", command.jobTypeCode() + " is not a job type"));
        BillingTermSchemeDefinition scheme = lookup.billingTermScheme(command.billingTermSchemeCode())
                .orElseThrow(() -> JobRules.violated("billingTermSchemeCode", command.billingTermSchemeCode()
                        + " is not a billing term scheme"));
        String planCode = command.pricePlanCode() == null || command.pricePlanCode().isBlank()
                ? scheme.defaultPricePlan() : command.pricePlanCode();
        if (!scheme.allowedPricePlans().contains(planCode)) {
            throw JobRules.violated("pricePlanCode", planCode + " is not allowed by " + scheme.code());
        }
        PricePlanDefinition plan = lookup.pricePlan(planCode).orElseThrow(() ->
                JobRules.violated("pricePlanCode", planCode + " is not a price plan"));
        if (scope != null && !scope.maySelect(java.util.Set.copyOf(plan.allowedOrganisationalUnits()))) {
            throw new LedgerRefusal(ErrorCode.CATALOG_ENTRY_NOT_ALLOWED, "Price plan " + planCode
                    + " is not for your unit", Map.of("pricePlanCode", "is not for your unit"));
        }
        requireWithinCreditLimit(account, scheme);
        SubscriptionRequest request = command.subscriptionRequest();
        if (request != null) {
            if (!JobRules.isUuid(request.subscriptionId())) {
                throw JobRules.invalid("subscriptionRequest.subscriptionId", "must be a UUID");
            }
            JobRules.require(request.subscriptionTypeCode(), "subscriptionRequest.subscriptionTypeCode");
            JobRules.require(request.billingTerms(), "subscriptionRequest.billingTerms");
        }
        apply(new JobCreated(command.jobId(), account.accountId(), command.jobTypeCode(), scheme.code(), planCode,
                LocalDate.now(clock), command.expectedCompletion(), owning, request));
    }

    @CommandHandler
    void handle(StartJob command, Clock clock) {
        requireStatus(JobStatus.PENDING, "start");
        apply(new JobStarted(jobId, LocalDate.now(clock), command.reason()));
    }

    /** Completed, a job is billed at once, or, if its job type says so, left to the next bill run. */
    @CommandHandler
    void handle(CompleteJob command, JobLookup lookup, Clock clock) {
        requireStatus(JobStatus.IN_PROGRESS, "complete");
        LocalDate on = command.actualCompletion() != null ? command.actualCompletion() : LocalDate.now(clock);
        if (on.isBefore(state.createdOn())) {
            throw JobRules.invalid("actualCompletion", "must not be before the job was created");
        }
        apply(new JobCompleted(jobId, state.accountId(), on, state.expectedCompletion(),
                on.isAfter(state.expectedCompletion()), command.reason()));
        boolean byRun = lookup.jobType(state.jobTypeCode())
                .filter(type -> type.billingMoment() == JobBillingMoment.BILL_RUN).isPresent();
        if (byRun) {
            apply(new JobBillingDeferred(jobId, state.accountId(), on));
        }
    }

    @CommandHandler
    void handle(CancelJob command, SerialNumbers serialNumbers, Clock clock) {
        if (state.status() == JobStatus.COMPLETED || state.status() == JobStatus.CANCELLED) {
            throw JobRules.state(jobId, state.status(), "be cancelled");
        }
        state.goods().stream().filter(good -> good.serialNumber() != null)
                .forEach(good -> serialNumbers.release(good.serialNumber(), holderOf(good)));
        apply(new JobCancelled(jobId, LocalDate.now(clock), command.reason()));
    }

    @CommandHandler
    void handle(AssignJob command) {
        requireOpen("be assigned");
        String unit = command.assignedUnit() == null ? null : command.assignedUnit().strip();
        if (unit == null || !UNIT_CODE.matcher(unit).matches()) {
            throw JobRules.invalid("assignedUnit", "must be a unit code such as INSTALLER-FASTFIT");
        }
        if (!unit.equals(state.assignedUnit())) {
            apply(new JobAssigned(jobId, unit, command.reason()));
        }
    }

    @CommandHandler
    void handle(AddJobGood command, JobLookup lookup, SerialNumbers serialNumbers) {
        requireAmendable();
        JobGood good = contents(lookup).good(command.good());
        requireWithinCreditLimit(lookup);
        if (command.replacesSerialNumber() != null) {
            String subscriptionId = new JobReplacements(jobId, state, lookup, serialNumbers)
                    .subscriptionHolding(command.replacesSerialNumber(), good);
            String replaced = command.replacesSerialNumber().strip();
            serialNumbers.claim(good.serialNumber(), good.productCode(), subscriptionId);
            apply(new JobGoodAdded(jobId, good));
            apply(new JobReplacementDelivered(jobId, good.lineId(), subscriptionId, replaced,
                    new InstalledItem(good.serialNumber(), good.productCode())));
            return;
        }
        if (good.serialNumber() != null) {
            serialNumbers.claim(good.serialNumber(), good.productCode(), serialHolder());
        }
        apply(new JobGoodAdded(jobId, good));
    }

    @CommandHandler
    void handle(AddJobExpense command, JobLookup lookup) {
        requireAmendable();
        var expense = contents(lookup).expense(command.expense());
        requireWithinCreditLimit(lookup);
        apply(new JobExpenseAdded(jobId, expense));
    }

    @CommandHandler
    void handle(AddJobActivity command, JobLookup lookup) {
        requireAmendable();
        var activity = contents(lookup).activity(command.activity());
        requireWithinCreditLimit(lookup);
        apply(new JobActivityAdded(jobId, activity));
    }

    /** A removed good's serial number is released in the same unit of work, so it is never in two places. */
    @CommandHandler
    void handle(RemoveJobGood command, SerialNumbers serialNumbers) {
        requireAmendable();
        JobRules.require(command.lineIdOrSerial(), "lineIdOrSerial");
        JobGood good = state.good(command.lineIdOrSerial().strip()).orElseThrow(() ->
                JobRules.notOnJob("lineIdOrSerial", command.lineIdOrSerial()));
        if (state.replacementOf(good.lineId()).isPresent() && state.status() == JobStatus.COMPLETED) {
            // completion swapped it onto the subscription: taking it back is a repair of its own
            throw JobRules.state(jobId, state.status(), "take back a replacement it installed");
        }
        if (good.serialNumber() != null) {
            serialNumbers.release(good.serialNumber(), holderOf(good));
        }
        apply(new JobGoodRemoved(jobId, good, command.reason()));
    }

    @CommandHandler
    void handle(RemoveJobExpense command) {
        requireAmendable();
        JobRules.require(command.lineId(), "lineId");
        if (state.expenses().stream().noneMatch(expense -> expense.lineId().equals(command.lineId()))) {
            throw JobRules.notOnJob("lineId", command.lineId());
        }
        apply(new JobExpenseRemoved(jobId, command.lineId(), command.reason()));
    }

    @CommandHandler
    void handle(RemoveJobActivity command) {
        requireAmendable();
        JobRules.require(command.activityId(), "activityId");
        if (state.activities().stream().noneMatch(activity -> activity.activityId().equals(command.activityId()))) {
            throw JobRules.notOnJob("activityId", command.activityId());
        }
        apply(new JobActivityRemoved(jobId, command.activityId(), command.reason()));
    }

    @CommandHandler
    DiscountStatus handle(AddJobDiscount command, JobLookup lookup, MetaData metaData) {
        return discounts().add(command, lookup, CommandScopes.of(metaData));
    }

    @CommandHandler
    void handle(ApproveJobDiscount command, JobLookup lookup, MetaData metaData) {
        discounts().approve(command, lookup, CommandScopes.of(metaData));
    }

    @CommandHandler
    void handle(RejectJobDiscount command, JobLookup lookup, MetaData metaData) {
        discounts().reject(command, lookup, CommandScopes.of(metaData));
    }

    /** The subscription the job ordered was refused: recorded once, whatever the job's state. */
    @CommandHandler
    void handle(RecordJobSubscriptionRefusal command) {
        if (state.subscriptionRefusal() == null) {
            apply(new JobSubscriptionRefused(jobId, command.subscriptionId(), command.code(), command.message()));
        }
    }

    /**
     * The subscription refused the swap of a replacement: its serial number, claimed for that subscription when the
     * good was delivered, is released in the same unit of work as the refusal is recorded, so it is not left claimed
     * by a subscription that never installed it. Recorded once; whatever the job's state (it is completed by now).
     */
    @CommandHandler
    void handle(RecordJobReplacementRefusal command, SerialNumbers serialNumbers) {
        JobRules.require(command.lineId(), "lineId");
        JobReplacementDelivered replacement = state.replacementOf(command.lineId()).orElseThrow(() ->
                JobRules.notOnJob("lineId", command.lineId()));
        if (state.replacementRefusal(command.lineId()).isPresent()) {
            return;
        }
        serialNumbers.release(replacement.replacement().serialNumber(), replacement.subscriptionId());
        apply(new JobReplacementRefused(jobId, replacement.lineId(), replacement.subscriptionId(),
                replacement.replacedSerialNumber(), replacement.replacement(), command.code(), command.message()));
    }

    /**
     * Who holds the job's serial numbers: the subscription it orders (which then claims them again as its own
     * installed items, a no-op), else the job itself.
     */
    private String serialHolder() {
        SubscriptionRequest request = state.subscriptionRequest();
        return request != null ? request.subscriptionId() : "job:" + jobId;
    }

    /** A replacement's serial number is held by the subscription it goes to; any other by {@link #serialHolder()}. */
    private String holderOf(JobGood good) {
        return state.replacementOf(good.lineId()).map(JobReplacementDelivered::subscriptionId)
                .orElseGet(this::serialHolder);
    }

    private JobDiscounts discounts() {
        return new JobDiscounts(jobId, state);
    }

    private JobContents contents(JobLookup lookup) {
        return new JobContents(state, lookup);
    }

    private void requireStatus(JobStatus required, String action) {
        if (state.status() != required) {
            throw JobRules.state(jobId, state.status(), action);
        }
    }

    private void requireOpen(String action) {
        if (state.status() == JobStatus.COMPLETED || state.status() == JobStatus.CANCELLED) {
            throw JobRules.state(jobId, state.status(), action);
        }
    }

    /** Contents change until the job is billed; a cancelled job is closed too. */
    private void requireAmendable() {
        if (state.billed()) {
            throw JobRules.billed(jobId, state.bill().billNumber());
        }
        if (state.status() == JobStatus.CANCELLED) {
            throw JobRules.state(jobId, state.status(), "be amended");
        }
    }

    /** The owner's credit-limit status as the account's own history records it now (a consistent read). */
    private void requireWithinCreditLimit(JobLookup lookup) {
        var account = lookup.account(state.accountId());
        var scheme = lookup.billingTermScheme(state.billingTermSchemeCode());
        if (account.isPresent() && scheme.isPresent()) {
            requireWithinCreditLimit(account.get(), scheme.get());
        }
    }

    /** A job order is "any other order": refused while the account is over its limit, unless the scheme overrides. */
    private static void requireWithinCreditLimit(AccountFacts account, BillingTermSchemeDefinition scheme) {
        if (account.overCreditLimit() && !scheme.overrideCreditLimitRules()) {
            throw new LedgerRefusal(ErrorCode.CREDIT_LIMIT_EXCEEDED, "Account " + account.accountId() + " owes "
                    + account.balance() + ", over its credit limit of " + account.creditLimit()
                    + "; a job order is refused", Map.of("accountId", "is over its credit limit"));
        }
    }

    private static AccountFacts owner(String accountId, JobLookup lookup, AccessScope scope) {
        var account = lookup.account(accountId).orElseThrow(() -> new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND,
                "No account " + accountId, Map.of("accountId", "is not an account")));
        if (scope != null && !scope.mayChange(account.owningUnit())) {
            throw LedgerRefusal.outOfScope(ErrorCode.ACCOUNT_NOT_FOUND, "account", accountId,
                    "No account " + accountId, Map.of("accountId", "is not an account"));
        }
        if (account.closed()) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "Account " + accountId + " is closed",
                    Map.of("accountId", "is closed"));
        }
        return account;
    }

    @EventSourcingHandler
    void on(JobCreated event, @SequenceNumber long sequenceNumber) {
        jobId = event.jobId();
        state.apply(event, sequenceNumber);
    }

    /** Every other event of the stream (JobBilled is appended by the job bill writer): the state folds them. */
    @EventSourcingHandler
    void on(JobEvent event, @SequenceNumber long sequenceNumber) {
        state.apply(event, sequenceNumber);
    }

    JobState state() {
        return state;
    }
}
