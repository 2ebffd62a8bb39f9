package org.subledger.command.discount;

import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.Approval;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules an ad hoc discount follows whatever it is added to, a subscription or a job: which definition an agent
 * may add (found, EFFECTIVE, ad hoc, of the target's classification, valid on the day, the agent in one of its
 * allowed units), the value it gives ({@link DiscountValuePolicy}), whether it starts pending approval, and who may
 * approve or reject it. Each refusal has its own code; the aggregates decide, this only states the rules once.
 *
 * <p>Who may approve: the users the definition's approval names, members of the units it names (a unit is the
 * caller's when it is within the caller's access scope: its own units, the units under them and those they
 * collaborate with, as for controlled selection), super users (they hold every right of the ledger, and the operator
 * decides who is one), and the ledger itself (no scope). Everybody else is refused {@code DISCOUNT_APPROVAL_NOT_ALLOWED}.
 */
public final class AdHocDiscountRules {

    private AdHocDiscountRules() {
    }

    /** The definition {@code code} as it may be added on {@code on} to a target of {@code classification}. */
    public static AdditiveDiscountDefinition offered(String code, Optional<AdditiveDiscountDefinition> found,
                                                     DiscountClassification classification, LocalDate on,
                                                     AccessScope scope) {
        AdditiveDiscountDefinition definition = found.orElseThrow(() -> refusal(
                ErrorCode.DISCOUNT_DEFINITION_NOT_FOUND, "No additive discount " + code,
                "is not an additive discount"));
        require(definition.state() == DefinitionState.EFFECTIVE, ErrorCode.DISCOUNT_DEFINITION_NOT_EFFECTIVE, code,
                "is " + definition.state() + ", not EFFECTIVE");
        require(definition.type() == DiscountType.AD_HOC, ErrorCode.DISCOUNT_NOT_AD_HOC, code,
                "is applied by billing, not added");
        require(definition.classification() == classification,
                classification == DiscountClassification.JOBS ? ErrorCode.DISCOUNT_NOT_FOR_JOBS
                        : ErrorCode.DISCOUNT_NOT_FOR_SUBSCRIPTIONS, code,
                "is a discount on " + definition.classification());
        require(definition.validity().contains(on), ErrorCode.DISCOUNT_DEFINITION_NOT_VALID, code,
                "is not valid on " + on + " (" + validity(definition) + ")");
        var allowed = definition.allowedOrganisationalUnits();
        if (scope != null && !scope.maySelect(Set.copyOf(allowed))) {
            throw refusal(ErrorCode.DISCOUNT_UNIT_NOT_ALLOWED, "Discount " + code + " may only be added by "
                    + String.join(", ", allowed), "is restricted to " + String.join(", ", allowed));
        }
        return definition;
    }

    /** The one value it gives: the definition's, or the agent's pick within its range. */
    public static DiscountValue value(AdditiveDiscountDefinition definition, DiscountValue picked) {
        return DiscountValuePolicy.settle(definition.discount(), picked);
    }

    public static DiscountStatus initialStatus(AdditiveDiscountDefinition definition) {
        return definition.approval().required() ? DiscountStatus.PENDING_APPROVAL : DiscountStatus.APPROVED;
    }

    /** Criteria that did not hold when the discount was added. */
    public static LedgerRefusal criteriaNotMet(String code, String target, List<String> failed) {
        return refusal(ErrorCode.DISCOUNT_CRITERIA_NOT_MET, "Discount " + code + " is not for " + target + ": "
                + String.join("; ", failed), "criteria not met: " + String.join("; ", failed));
    }

    /** Approving or rejecting: only what is pending approval, and only by an approver. */
    public static void requireDecidable(String discountId, DiscountStatus status, Approval approval,
                                        AccessScope scope) {
        if (status != DiscountStatus.PENDING_APPROVAL) {
            throw new LedgerRefusal(ErrorCode.DISCOUNT_NOT_PENDING, "Discount " + discountId + " is " + status
                    + ", not pending approval", Map.of("discountId", "is " + status));
        }
        requireApprover(discountId, approval, scope);
    }

    /** The approvers are the definition's as it stands now: an amended approval applies to what is still pending. */
    public static void requireApprover(String discountId, Approval approval, AccessScope scope) {
        Approval given = approval == null ? Approval.NONE : approval;
        if (!mayApprove(scope, given)) {
            throw new LedgerRefusal(ErrorCode.DISCOUNT_APPROVAL_NOT_ALLOWED, "Discount " + discountId
                    + " may only be approved or rejected by " + approvers(given),
                    Map.of("discountId", "needs approval by " + approvers(given)));
        }
    }

    public static boolean mayApprove(AccessScope scope, Approval approval) {
        if (scope == null || scope.superUser()) {
            return true;
        }
        if (scope.isCustomer()) {
            return false;
        }
        return approval.userNames().contains(scope.principal())
                || approval.unitCodes().stream().anyMatch(scope.units()::contains);
    }

    private static String approvers(Approval approval) {
        var names = new ArrayList<String>();
        approval.userNames().forEach(user -> names.add("user " + user));
        approval.unitCodes().forEach(unit -> names.add("unit " + unit));
        return names.isEmpty() ? "a super user" : String.join(", ", names);
    }

    private static String validity(AdditiveDiscountDefinition definition) {
        var validity = definition.validity();
        return "valid " + (validity.from() == null ? "" : "from " + validity.from() + " ")
                + (validity.to() == null ? "on" : "to " + validity.to());
    }

    private static void require(boolean holds, ErrorCode code, String definitionCode, String problem) {
        if (!holds) {
            throw refusal(code, "Discount " + definitionCode + " " + problem, problem);
        }
    }

    private static LedgerRefusal refusal(ErrorCode code, String message, String problem) {
        return new LedgerRefusal(code, message, Map.of("definitionCode", problem));
    }
}
