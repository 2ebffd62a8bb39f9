package org.subledger.command.subscription;

import org.subledger.command.discount.AdHocDiscountRules;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.ApplicationLimit;
import org.subledger.kernel.catalog.Approval;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.catalog.DiscountDuration;
import org.subledger.kernel.catalog.DiscountedProducts;
import org.subledger.kernel.catalog.PeriodUnit;
import org.subledger.kernel.catalog.TimeSpan;
import org.subledger.kernel.discount.AddDiscount;
import org.subledger.kernel.discount.ApproveDiscount;
import org.subledger.kernel.discount.DiscountAdded;
import org.subledger.kernel.discount.DiscountApproved;
import org.subledger.kernel.discount.DiscountCriteriaCheck;
import org.subledger.kernel.discount.DiscountRejected;
import org.subledger.kernel.discount.DiscountRemoved;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.discount.RejectDiscount;
import org.subledger.kernel.discount.RemoveDiscount;
import org.subledger.kernel.discount.SubscriptionDiscount;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionStreamState;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The ad hoc discounts of a subscription: an agent adds one (its definition effective, ad hoc, for subscriptions and
 * valid on the day; the value within its range; the agent of an allowed unit; its criteria met; an application left),
 * an authorised user approves or rejects it while it is pending, anybody who may change the subscription removes it.
 * Each refusal has its own code and records nothing. Decides on the {@link Subscription}'s state, the one fold of its
 * stream, and keeps none of its own.
 *
 * <p>The rules it shares with job discounts (the definition offered, the value, who may approve) are
 * {@link AdHocDiscountRules}'.
 */
final class SubscriptionDiscounts {

    private final String subscriptionId;
    private final SubscriptionStreamState state;

    SubscriptionDiscounts(String subscriptionId, SubscriptionStreamState state) {
        this.subscriptionId = subscriptionId;
        this.state = state;
    }

    /** The subscription's state allows it (the aggregate checked). A repeat of an added discount id adds nothing. */
    DiscountStatus add(AddDiscount command, SubscriptionLookup lookup, AccessScope scope) {
        SubscriptionRules.check().required(command.discountId(), "discountId")
                .required(command.definitionCode(), "definitionCode").orRefuse("The discount");
        SubscriptionDiscount earlier = state.discounts().get(command.discountId());
        if (earlier != null) {
            SubscriptionRules.check().rule(earlier.definitionCode().equals(command.definitionCode()), "discountId",
                    "is another discount's").orRefuse("The discount");
            return earlier.status(); // a retry of a discount already added
        }
        String code = command.definitionCode();
        LocalDate on = command.addedOn();
        AdditiveDiscountDefinition definition = AdHocDiscountRules.offered(code, lookup.additiveDiscount(code),
                DiscountClassification.SUBSCRIPTIONS, on, scope);
        var value = AdHocDiscountRules.value(definition, command.value());
        var outcome = DiscountCriteriaCheck.check(definition.criteria(), facts(definition, lookup, on), true);
        if (!outcome.holds()) {
            throw AdHocDiscountRules.criteriaNotMet(code, "subscription " + subscriptionId, outcome.failed());
        }
        requireApplicationLeft(definition, on);
        LocalDate startsOn = startsOn(definition, on, lookup);
        DiscountStatus status = AdHocDiscountRules.initialStatus(definition);
        apply(new DiscountAdded(subscriptionId, command.discountId(), code, definition.type(), value, on, startsOn,
                endsOn(definition.duration(), startsOn), definition.applicationLimit(), status, command.note(),
                action(BehaviourCode.ADD_DISCOUNT)));
        return status;
    }

    void approve(ApproveDiscount command, SubscriptionLookup lookup, AccessScope scope) {
        var discount = pending(command.discountId(), command.approvedOn(), "approvedOn");
        requireApprover(discount, lookup, scope);
        apply(new DiscountApproved(subscriptionId, discount.discountId(), command.approvedOn(),
                action(BehaviourCode.APPROVE_DISCOUNT)));
    }

    void reject(RejectDiscount command, SubscriptionLookup lookup, AccessScope scope) {
        var discount = pending(command.discountId(), command.rejectedOn(), "rejectedOn");
        requireApprover(discount, lookup, scope);
        apply(new DiscountRejected(subscriptionId, discount.discountId(), command.rejectedOn(), command.reason(),
                action(BehaviourCode.REJECT_DISCOUNT)));
    }

    /** From {@code removedOn}: no billing period starting then or later gets it. */
    void remove(RemoveDiscount command) {
        var discount = existing(command.discountId());
        if (discount.status() == DiscountStatus.REMOVED || discount.status() == DiscountStatus.REJECTED) {
            throw new LedgerRefusal(ErrorCode.DISCOUNT_ALREADY_REMOVED, "Discount " + discount.discountId()
                    + " is " + discount.status() + " already", Map.of("discountId", "is "
                    + discount.status().name().toLowerCase()));
        }
        SubscriptionRules.check().required(command.removedOn(), "removedOn")
                .rule(command.removedOn() == null || discount.addedOn() == null
                        || !command.removedOn().isBefore(discount.addedOn()), "removedOn",
                        "must not be before the discount was added (" + discount.addedOn() + ")")
                .orRefuse("The removal");
        apply(new DiscountRemoved(subscriptionId, discount.discountId(), command.removedOn(), command.reason(),
                action(BehaviourCode.REMOVE_DISCOUNT)));
    }

    private SubscriptionDiscount pending(String discountId, LocalDate on, String field) {
        var discount = existing(discountId);
        if (discount.status() != DiscountStatus.PENDING_APPROVAL) {
            throw new LedgerRefusal(ErrorCode.DISCOUNT_NOT_PENDING, "Discount " + discountId + " is "
                    + discount.status() + ", not pending approval", Map.of("discountId", "is " + discount.status()));
        }
        SubscriptionRules.check().required(on, field).orRefuse("The decision");
        return discount;
    }

    private SubscriptionDiscount existing(String discountId) {
        var discount = discountId == null ? null : state.discounts().get(discountId);
        if (discount == null) {
            throw new LedgerRefusal(ErrorCode.DISCOUNT_NOT_FOUND, "No discount " + discountId + " on subscription "
                    + subscriptionId, Map.of("discountId", "is not a discount of the subscription"));
        }
        return discount;
    }

    private static void requireApprover(SubscriptionDiscount discount, SubscriptionLookup lookup, AccessScope scope) {
        AdHocDiscountRules.requireApprover(discount.discountId(), lookup.additiveDiscount(discount.definitionCode())
                .map(AdditiveDiscountDefinition::approval).orElse(Approval.NONE), scope);
    }

    /**
     * The limit counts applications per {@code per}, rolling: the applications of the definition's discounts on this
     * subscription in the {@code per} up to the date added, plus one for each of its discounts pending or approved
     * and not applied yet (each will use one). Without {@code per}, every application ever counts.
     */
    private void requireApplicationLeft(AdditiveDiscountDefinition definition, LocalDate on) {
        ApplicationLimit limit = definition.applicationLimit();
        if (limit == null) {
            return;
        }
        LocalDate since = limit.per() == null ? null : minus(on, limit.per());
        long used = 0;
        for (SubscriptionDiscount discount : state.discounts().values()) {
            if (!definition.code().equals(discount.definitionCode())) {
                continue;
            }
            // distinct application numbers: a free period billed over two bills is one application
            long applied = discount.applications().stream()
                    .filter(application -> since == null || application.periodStart().isAfter(since))
                    .mapToInt(DiscountApplied::applicationNumber).distinct().count();
            boolean willApply = discount.applications().isEmpty()
                    && (discount.status() == DiscountStatus.PENDING_APPROVAL
                    || discount.status() == DiscountStatus.APPROVED);
            used += applied + (willApply ? 1 : 0);
        }
        if (used >= limit.times()) {
            String window = limit.per() == null ? "in all" : "a " + singular(limit.per());
            throw refusal(ErrorCode.DISCOUNT_APPLICATIONS_EXHAUSTED, "definitionCode", "Discount "
                    + definition.code() + " may be applied " + limit.times() + " times " + window + "; " + used
                    + " are used or held on subscription " + subscriptionId, "no application left (" + limit.times()
                    + " " + window + ")");
        }
    }

    private DiscountCriteriaCheck.Facts facts(AdditiveDiscountDefinition definition, SubscriptionLookup lookup,
                                              LocalDate on) {
        BillingTerms terms = state.billingTerms();
        var scheme = lookup.billingTermScheme(terms.billingTermSchemeCode());
        Integer binding = terms.bindingStartDate() != null && terms.bindingEndDate() != null
                ? (int) ChronoUnit.MONTHS.between(terms.bindingStartDate(), terms.bindingEndDate())
                : scheme.map(s -> s.bindingPeriodMonths()).orElse(null);
        // the account's stream is folded only when the criteria ask for its facts
        var account = DiscountCriteriaCheck.needsAccount(definition.criteria())
                ? lookup.account(state.accountId()) : Optional.<AccountFacts>empty();
        return new DiscountCriteriaCheck.Facts(terms.billingTermSchemeCode(),
                scheme.map(s -> s.flexiblePricing()).orElse(false), terms.billingFrequency(), binding,
                state.subscriptionTypeCode(), terms.pricePlanCode(), state.services().keySet(),
                account.map(AccountFacts::classification).orElse(null),
                account.map(AccountFacts::creditRating).orElse(null), state.activatedOn(), state.interruptions(), on);
    }

    /** From the agreement date, the discounted services' effective date, or the day added (the default). */
    private LocalDate startsOn(AdditiveDiscountDefinition definition, LocalDate addedOn, SubscriptionLookup lookup) {
        var duration = definition.duration();
        if (duration == null || duration.start() == null) {
            return addedOn;
        }
        LocalDate anchor = state.billingAnchor() != null ? state.billingAnchor() : state.createdOn();
        return switch (duration.start()) {
            case DATE_ADDED -> addedOn;
            case AGREEMENT_DATE -> state.billingTerms().agreementDate() != null
                    ? state.billingTerms().agreementDate() : anchor;
            case SERVICE_EFFECTIVE_DATE -> state.services().values().stream()
                    .filter(service -> discounted(service, definition.discountedProducts(), lookup))
                    .map(SubscriptionService::effectiveDate).filter(Objects::nonNull).min(LocalDate::compareTo)
                    .orElse(anchor);
        };
    }

    private static boolean discounted(SubscriptionService service, DiscountedProducts products,
                                      SubscriptionLookup lookup) {
        if (products.productCodes().isEmpty() && products.productTypeCodes().isEmpty()) {
            return true;
        }
        return products.productCodes().contains(service.productCode()) || lookup.product(service.productCode())
                .map(product -> products.productTypeCodes().contains(product.productTypeCode())).orElse(false);
    }

    /** Until a date (inclusive), for a period (its last day), or indefinitely (null). */
    static LocalDate endsOn(DiscountDuration duration, LocalDate startsOn) {
        if (duration == null) {
            return null;
        }
        if (duration.endDate() != null) {
            return duration.endDate();
        }
        return duration.period() == null ? null : plus(startsOn, duration.period()).minusDays(1);
    }

    private static LocalDate plus(LocalDate date, TimeSpan span) {
        return switch (span.unit()) {
            case DAYS -> date.plusDays(span.count());
            case WEEKS -> date.plusWeeks(span.count());
            case MONTHS -> date.plusMonths(span.count());
            case YEARS -> date.plusYears(span.count());
        };
    }

    private static LocalDate minus(LocalDate date, PeriodUnit unit) {
        return switch (unit) {
            case DAYS -> date.minusDays(1);
            case WEEKS -> date.minusWeeks(1);
            case MONTHS -> date.minusMonths(1);
            case YEARS -> date.minusYears(1);
        };
    }

    private static String singular(PeriodUnit unit) {
        String name = unit.name().toLowerCase();
        return name.substring(0, name.length() - 1);
    }

    private static LedgerRefusal refusal(ErrorCode code, String field, String message, String problem) {
        return new LedgerRefusal(code, message, Map.of(field, problem));
    }

    private static SubscriptionAction action(BehaviourCode code) {
        return SubscriptionAction.of(code, null);
    }
}
