package org.subledger.command.job;

import org.subledger.command.discount.AdHocDiscountRules;
import org.subledger.command.subscription.AccountFacts;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.Approval;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.discount.DiscountCriteriaCheck;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.job.AddJobDiscount;
import org.subledger.kernel.job.ApproveJobDiscount;
import org.subledger.kernel.job.JobDiscount;
import org.subledger.kernel.job.JobDiscountAdded;
import org.subledger.kernel.job.JobDiscountApproved;
import org.subledger.kernel.job.JobDiscountRejected;
import org.subledger.kernel.job.JobState;
import org.subledger.kernel.job.JobStatus;
import org.subledger.kernel.job.RejectJobDiscount;

import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The ad hoc discounts of a job, by the rules subscription discounts follow ({@link AdHocDiscountRules}): an agent
 * adds one of a definition for JOBS, an authorised user approves or rejects it while it is pending. The job's bill is
 * worked out when it is completed, so discounts are added and decided on while it is open (pending or in progress);
 * later, {@code JOB_STATE_INVALID}. Criteria that can already be told are checked when it is added (billing term,
 * price plan, account); those that depend on what the job delivers and when it is completed (products, "completed
 * later than expected") are billing's, on the job as completed. Decides on the {@link Job}'s state, keeps none.
 */
final class JobDiscounts {

    private final String jobId;
    private final JobState state;

    JobDiscounts(String jobId, JobState state) {
        this.jobId = jobId;
        this.state = state;
    }

    /** A repeat of an added discount id adds nothing and answers the discount's status. */
    DiscountStatus add(AddJobDiscount command, JobLookup lookup, AccessScope scope) {
        JobRules.require(command.discountId(), "discountId");
        JobRules.require(command.definitionCode(), "definitionCode");
        JobDiscount earlier = state.discounts().get(command.discountId());
        if (earlier != null) {
            if (!earlier.definitionCode().equals(command.definitionCode())) {
                throw JobRules.invalid("discountId", "is another discount's");
            }
            return earlier.status();
        }
        requireOpen("be discounted");
        JobRules.require(command.addedOn(), "addedOn");
        String code = command.definitionCode();
        AdditiveDiscountDefinition definition = AdHocDiscountRules.offered(code, lookup.additiveDiscount(code),
                DiscountClassification.JOBS, command.addedOn(), scope);
        var value = AdHocDiscountRules.value(definition, command.value());
        var outcome = DiscountCriteriaCheck.checkJob(definition.criteria(), facts(definition, lookup), true);
        if (!outcome.holds()) {
            throw AdHocDiscountRules.criteriaNotMet(code, "job " + jobId, outcome.failed());
        }
        DiscountStatus status = AdHocDiscountRules.initialStatus(definition);
        apply(new JobDiscountAdded(jobId, command.discountId(), code, value, command.addedOn(), status,
                command.note()));
        return status;
    }

    void approve(ApproveJobDiscount command, JobLookup lookup, AccessScope scope) {
        JobDiscount discount = decidable(command.discountId(), lookup, scope);
        JobRules.require(command.approvedOn(), "approvedOn");
        apply(new JobDiscountApproved(jobId, discount.discountId(), command.approvedOn()));
    }

    void reject(RejectJobDiscount command, JobLookup lookup, AccessScope scope) {
        JobDiscount discount = decidable(command.discountId(), lookup, scope);
        JobRules.require(command.rejectedOn(), "rejectedOn");
        apply(new JobDiscountRejected(jobId, discount.discountId(), command.rejectedOn(), command.reason()));
    }

    private JobDiscount decidable(String discountId, JobLookup lookup, AccessScope scope) {
        JobDiscount discount = discountId == null ? null : state.discounts().get(discountId);
        if (discount == null) {
            throw new LedgerRefusal(ErrorCode.DISCOUNT_NOT_FOUND, "No discount " + discountId + " on job " + jobId,
                    Map.of("discountId", "is not a discount of the job"));
        }
        AdHocDiscountRules.requireDecidable(discount.discountId(), discount.status(), lookup
                .additiveDiscount(discount.definitionCode()).map(AdditiveDiscountDefinition::approval)
                .orElse(Approval.NONE), scope);
        requireOpen("have its discounts decided on");
        return discount;
    }

    /** Its bill is worked out on completion: after that a discount would come too late for it. */
    private void requireOpen(String action) {
        if (state.billed()) {
            throw JobRules.billed(jobId, state.bill().billNumber());
        }
        if (state.status() != JobStatus.PENDING && state.status() != JobStatus.IN_PROGRESS) {
            throw JobRules.state(jobId, state.status(), action);
        }
    }

    /** What can be told before the job is completed: its terms and account, not yet its contents or lateness. */
    private DiscountCriteriaCheck.JobFacts facts(AdditiveDiscountDefinition definition, JobLookup lookup) {
        Optional<BillingTermSchemeDefinition> scheme = lookup.billingTermScheme(state.billingTermSchemeCode());
        Optional<AccountFacts> account = DiscountCriteriaCheck.needsAccount(definition.criteria())
                ? lookup.account(state.accountId()) : Optional.empty();
        return new DiscountCriteriaCheck.JobFacts(state.billingTermSchemeCode(),
                scheme.map(BillingTermSchemeDefinition::flexiblePricing).orElse(false), state.pricePlanCode(), null,
                account.map(AccountFacts::classification).orElse(null),
                account.map(AccountFacts::creditRating).orElse(null), null);
    }
}
