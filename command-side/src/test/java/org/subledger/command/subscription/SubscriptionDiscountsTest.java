package org.subledger.command.subscription;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.catalog.ApplicationLimit;
import org.subledger.kernel.catalog.Approval;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.catalog.DiscountCriteria;
import org.subledger.kernel.catalog.DiscountDuration;
import org.subledger.kernel.catalog.DiscountKind;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.DurationStart;
import org.subledger.kernel.catalog.FreePeriodRange;
import org.subledger.kernel.catalog.PercentageRange;
import org.subledger.kernel.catalog.PeriodUnit;
import org.subledger.kernel.catalog.TimeSpan;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.discount.AddDiscount;
import org.subledger.kernel.discount.ApproveDiscount;
import org.subledger.kernel.discount.DiscountAdded;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.discount.DiscountApplication;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.discount.DiscountApproved;
import org.subledger.kernel.discount.DiscountRejected;
import org.subledger.kernel.discount.DiscountRemoved;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.discount.RejectDiscount;
import org.subledger.kernel.discount.RemoveDiscount;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.subscription.SubscriptionReactivated;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionTerminated;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.subledger.command.subscription.DiscountDefinitions.CARE_MANAGERS;
import static org.subledger.command.subscription.DiscountDefinitions.GOODWILL;
import static org.subledger.command.subscription.DiscountDefinitions.goodwill;
import static org.subledger.command.subscription.SubscriptionFixtures.ACCOUNT;
import static org.subledger.command.subscription.SubscriptionFixtures.BOX;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.action;
import static org.subledger.command.subscription.SubscriptionFixtures.created;
import static org.subledger.command.subscription.SubscriptionFixtures.draft;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.eur;
import static org.subledger.command.subscription.SubscriptionFixtures.fixture;
import static org.subledger.command.subscription.SubscriptionFixtures.lookup;
import static org.subledger.command.subscription.SubscriptionFixtures.recorded;
import static org.subledger.command.subscription.SubscriptionFixtures.refusal;

/**
 * Ad hoc discounts on a subscription (issue 12, the manual's D2): each rule of adding one, its approval or rejection
 * by an authorised user only while it is pending, and its removal; every refusal records nothing.
 */
class SubscriptionDiscountsTest {

    static final LocalDate IN_APRIL = LocalDate.of(2026, 4, 2);
    static final AccessScope AGENT = staff("agnes", "CUSTOMER-SERVICE");
    static final AccessScope CARE_MANAGER = new AccessScope("carla", CARE_MANAGERS,
            Set.of(CARE_MANAGERS, "CUSTOMER-SERVICE"), false, false, Set.of());
    static final AccessScope NAMED_APPROVER = staff("olga", "BILLING-FINANCE");
    static final AccessScope SUPER_USER = new AccessScope("admin", "SYSADMIN", Set.of("SYSADMIN"), true, false,
            Set.of());

    FakeSubscriptionLookup lookup;
    FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        lookup = lookup().with(goodwill().build());
        fixture = fixture(lookup);
    }

    static AccessScope staff(String name, String unit) {
        return new AccessScope(name, unit, Set.of(unit), false, false, Set.of());
    }

    static MetaData as(AccessScope scope) {
        return MetaData.with(LedgerMetadata.ACCESS_SCOPE, scope);
    }

    static AddDiscount add(String discountId, String amount) {
        return add(discountId, GOODWILL, DiscountValue.amount(eur(amount)), IN_APRIL);
    }

    static AddDiscount add(String discountId, String code, DiscountValue value, LocalDate on) {
        return new AddDiscount(ID, discountId, code, value, on, "sorry for the outage");
    }

    static DiscountAdded added(String discountId, String amount, DiscountStatus status) {
        return added(discountId, amount, IN_APRIL, status);
    }

    static DiscountAdded added(String discountId, String amount, LocalDate on, DiscountStatus status) {
        return new DiscountAdded(ID, discountId, GOODWILL, DiscountType.AD_HOC, DiscountValue.amount(eur(amount)), on,
                on, null, new ApplicationLimit(3, PeriodUnit.YEARS), status, "sorry for the outage",
                action(BehaviourCode.ADD_DISCOUNT));
    }

    static DiscountApplied applied(String discountId, LocalDate periodStart, int number) {
        return new DiscountApplied(ID, discountId, GOODWILL, "bill-" + periodStart, periodStart,
                periodStart.plusMonths(1), eur("10.00"), number, List.of("GOLD"), List.of(), action(BehaviourCode.BILL));
    }

    /** The subscription's bill of {@code on} with {@code applications} inside, as billing records it. */
    static SubscriptionBilled billedWith(LocalDate on, DiscountApplied... applications) {
        return new SubscriptionBilled(ID, ACCOUNT, "bill-" + on, "2026-" + on, null, on, on.plusMonths(1),
                on.plusMonths(1), List.of(), List.of(), List.of(), action(BehaviourCode.BILL),
                java.util.Arrays.stream(applications).map(DiscountApplication::of).toList());
    }

    @Nested
    class Adding {
        @Test
        void aGoodwillDiscountWithinItsRangeIsPendingApprovalAndAnswersItsStatus() {
            fixture.given(effective())
                    .when(add("d-1", "15.00"), as(AGENT))
                    .expectEvents(added("d-1", "15.00", DiscountStatus.PENDING_APPROVAL))
                    .expectResultMessagePayload(DiscountStatus.PENDING_APPROVAL);
        }

        @Test
        void bothEndsOfTheRangeAreWithinIt() {
            fixture.given(effective())
                    .when(add("d-1", "20.00"))
                    .expectEvents(added("d-1", "20.00", DiscountStatus.PENDING_APPROVAL));
            fixture.given(effective())
                    .when(add("d-1", "5.00"))
                    .expectEvents(added("d-1", "5.00", DiscountStatus.PENDING_APPROVAL));
        }

        @Test
        void aDiscountNeedingNoApprovalIsApprovedAtOnce() {
            lookup.with(goodwill().approval(Approval.NONE).build());

            fixture.given(effective())
                    .when(add("d-1", "15.00"))
                    .expectEvents(added("d-1", "15.00", DiscountStatus.APPROVED))
                    .expectResultMessagePayload(DiscountStatus.APPROVED);
        }

        @Test
        void aRepeatOfTheSameDiscountIdAddsNothingAndAnswersItsStatus() {
            fixture.given(effective(), added("d-1", "15.00", DiscountStatus.PENDING_APPROVAL))
                    .when(add("d-1", "15.00"))
                    .expectNoEvents()
                    .expectResultMessagePayload(DiscountStatus.PENDING_APPROVAL);
        }

        @Test
        void aSingleValueDefinitionGivesItsValueWhenTheAgentPicksNone() {
            lookup.with(goodwill().value(DiscountValue.percentage(new BigDecimal("10"), 2)).build());

            fixture.given(effective())
                    .when(add("d-1", GOODWILL, null, IN_APRIL))
                    .expectEventsMatching(Matchers.payloadsMatching(
                            Matchers.exactSequenceOf(
                                    Matchers.predicate(event ->
                                            event instanceof DiscountAdded discount && discount.value()
                                                    .equals(DiscountValue.percentage(new BigDecimal("10"), 2))),
                                    Matchers.andNoMore())));
        }
    }

    @Nested
    class RefusingTheDefinition {
        @Test
        void anUnknownDefinitionIsRefused() {
            fixture.given(effective())
                    .when(add("d-1", "NO-SUCH", DiscountValue.amount(eur("10.00")), IN_APRIL))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_DEFINITION_NOT_FOUND, "definitionCode"));
        }

        @Test
        void aDraftDefinitionIsRefused() {
            lookup.with(goodwill().state(DefinitionState.DRAFT).build());

            fixture.given(effective()).when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_DEFINITION_NOT_EFFECTIVE));
        }

        @Test
        void anAutoApplyDefinitionIsNotAddedByAnAgent() {
            lookup.with(goodwill().type(DiscountType.AUTO_APPLY).build());

            fixture.given(effective()).when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_NOT_AD_HOC));
        }

        @Test
        void aJobsDiscountIsNotForSubscriptions() {
            lookup.with(goodwill().classification(DiscountClassification.JOBS).build());

            fixture.given(effective()).when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_NOT_FOR_SUBSCRIPTIONS));
        }

        @Test
        void anExpiredDefinitionIsRefused() {
            lookup.with(goodwill().validity(new Validity(LocalDate.of(2015, 1, 1), LocalDate.of(2016, 1, 1)))
                    .build());

            fixture.given(effective()).when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_DEFINITION_NOT_VALID, "definitionCode", "2026-04-02"));
        }

        @Test
        void aDefinitionNotValidYetIsRefused() {
            lookup.with(goodwill().validity(new Validity(LocalDate.of(2026, 5, 1), null)).build());

            fixture.given(effective()).when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_DEFINITION_NOT_VALID));
        }
    }

    @Nested
    class RefusingTheValue {
        @Test
        void anAmountAboveTheRangeIsRefused() {
            fixture.given(effective()).when(add("d-1", "25.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_VALUE_OUT_OF_RANGE, "value", "25.00"));
        }

        @Test
        void anAmountBelowTheRangeIsRefused() {
            fixture.given(effective()).when(add("d-1", "4.99")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_VALUE_OUT_OF_RANGE));
        }

        @Test
        void aNegativeAmountIsRefused() {
            fixture.given(effective()).when(add("d-1", "-10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_VALUE_INVALID));
        }

        @Test
        void anAmountInAnotherCurrencyIsRefused() {
            fixture.given(effective())
                    .when(add("d-1", GOODWILL, DiscountValue.amount(Money.of("10.00",
                            "USD")), IN_APRIL))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_VALUE_INVALID));
        }

        @Test
        void aPercentageForAnAmountDefinitionIsRefused() {
            fixture.given(effective())
                    .when(add("d-1", GOODWILL, DiscountValue.percentage(new BigDecimal("10"), 1), IN_APRIL))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_VALUE_INVALID));
        }

        @Test
        void aRangeNeedsAPick() {
            fixture.given(effective()).when(add("d-1", GOODWILL, null, IN_APRIL)).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_VALUE_INVALID));
        }

        @Test
        void aPercentageOutsideItsRangeOrTooPreciseIsRefused() {
            lookup.with(goodwill().value(new DiscountValue(DiscountKind.PERCENTAGE, null,
                    null, null, new PercentageRange(new BigDecimal("5"), new BigDecimal("15")), 1, null, null))
                    .build());

            fixture.given(effective())
                    .when(add("d-1", GOODWILL, DiscountValue.percentage(new BigDecimal("16"), 1), IN_APRIL))
                    .expectNoEvents().expectException(refusal(ErrorCode.DISCOUNT_VALUE_OUT_OF_RANGE));
            fixture.given(effective())
                    .when(add("d-1", GOODWILL, DiscountValue.percentage(new BigDecimal("10.00001"), 1), IN_APRIL))
                    .expectNoEvents().expectException(refusal(ErrorCode.DISCOUNT_VALUE_INVALID));
        }

        @Test
        void aFreePeriodOutsideItsRangeIsRefused() {
            lookup.with(goodwill().value(new DiscountValue(DiscountKind.FREE_PERIOD, null,
                    null, null, null, null, null, new FreePeriodRange(1, 2, PeriodUnit.MONTHS))).build());

            fixture.given(effective())
                    .when(add("d-1", GOODWILL, DiscountValue.freePeriod(3, PeriodUnit.MONTHS), IN_APRIL))
                    .expectNoEvents().expectException(refusal(ErrorCode.DISCOUNT_VALUE_OUT_OF_RANGE));
            fixture.given(effective())
                    .when(add("d-1", GOODWILL, DiscountValue.freePeriod(1, PeriodUnit.WEEKS), IN_APRIL))
                    .expectNoEvents().expectException(refusal(ErrorCode.DISCOUNT_VALUE_OUT_OF_RANGE));
        }
    }

    @Nested
    class RefusingTheCaller {
        @Test
        void anAgentOfAUnitNotAllowedIsRefused() {
            lookup.with(goodwill().allowedUnits(List.of("SALES")).build());

            fixture.given(effective()).when(add("d-1", "10.00"), as(AGENT)).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_UNIT_NOT_ALLOWED, "definitionCode", "SALES"));
        }

        @Test
        void anAgentOfAnAllowedUnitAddsIt() {
            lookup.with(goodwill().allowedUnits(List.of("CUSTOMER-SERVICE")).build());

            fixture.given(effective()).when(add("d-1", "10.00"), as(AGENT))
                    .expectEvents(added("d-1", "10.00", DiscountStatus.PENDING_APPROVAL));
        }
    }

    @Nested
    class RefusingOnCriteria {
        @Test
        void monthlyTermsOnlyRefuseAnAnnualSubscription() {
            lookup.with(goodwill().criteria(new DiscountCriteria(new DiscountCriteria.BillingTermCriteria(null,
                    List.of(BillingFrequency.ANNUAL), null), null, null, null, null, null)).build());

            fixture.given(effective()).when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_CRITERIA_NOT_MET, "definitionCode", "frequency"));
        }

        @Test
        void aSchemeWithoutFlexiblePricingTakesNoAdHocDiscount() {
            var corporate = effective();
            var terms = corporate.billingTerms();
            var onCorporate = new SubscriptionCreated(ID, corporate.accountId(), corporate.subscriptionTypeCode(),
                    SubscriptionState.EFFECTIVE, new BillingTerms("CORPORATE",
                    terms.pricePlanCode(), terms.billingFrequency(), terms.agreementDate(), terms.bindingStartDate(),
                    terms.bindingEndDate(), terms.earlyTerminationPenalty(), null), corporate.location(),
                    corporate.billingAddress(), corporate.distributors(), corporate.services(),
                    corporate.installedItems(), DAY_ONE, corporate.action());

            fixture.given(onCorporate).when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_CRITERIA_NOT_MET, "definitionCode", "flexible"));
        }

        @Test
        void bindingPeriodSubscriptionTypeAndPricePlanMustBeListed() {
            lookup.with(goodwill().criteria(new DiscountCriteria(new DiscountCriteria.BillingTermCriteria(null, null,
                    List.of(12)), List.of("GOLD-TV"), null, List.of("STANDARD"), null, null)).build());
            fixture.given(effective()).when(add("d-1", "10.00"))
                    .expectEvents(added("d-1", "10.00", DiscountStatus.PENDING_APPROVAL));

            lookup.with(goodwill().criteria(new DiscountCriteria(new DiscountCriteria.BillingTermCriteria(null, null,
                    List.of(24)), null, null, null, null, null)).build());
            fixture.given(effective()).when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_CRITERIA_NOT_MET, "definitionCode", "binding"));

            lookup.with(goodwill().criteria(new DiscountCriteria(null, List.of("SILVER-TV"), null, null, null, null))
                    .build());
            fixture.given(effective()).when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_CRITERIA_NOT_MET, "definitionCode",
                            "subscription type"));

            lookup.with(goodwill().criteria(new DiscountCriteria(null, null, null, List.of("VIP"), null, null))
                    .build());
            fixture.given(effective()).when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_CRITERIA_NOT_MET, "definitionCode", "price plan"));
        }

        @Test
        void aMaturityCriterionCountsFromTheActivationOrTheEndOfTheLastLongInterruption() {
            // above 60 days, interruptions of up to 7 days do not break it
            lookup.with(goodwill().criteria(new DiscountCriteria(null, null, null, null, null, null, null,
                    new DiscountCriteria.Maturity(60, 7), null)).build());
            LocalDate mature = DAY_ONE.plusDays(90);
            var deactivated = new SubscriptionDeactivated(ID, DAY_ONE.plusDays(20), action(BehaviourCode.DEACTIVATE));

            // 31 days after the activation: too young
            fixture.given(effective()).when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_CRITERIA_NOT_MET, "definitionCode", "matured"));
            // 90 days, a 5-day interruption on the way: mature
            fixture.given(effective(), deactivated, new SubscriptionReactivated(ID, DAY_ONE.plusDays(25),
                            action(BehaviourCode.REACTIVATE)))
                    .when(add("d-1", GOODWILL, DiscountValue.amount(eur("10.00")), mature))
                    .expectEvents(added("d-1", "10.00", mature, DiscountStatus.PENDING_APPROVAL));
            // 20 days deactivated: it counts again from the reactivation, 50 days before
            fixture.given(effective(), deactivated, new SubscriptionReactivated(ID, DAY_ONE.plusDays(40),
                            action(BehaviourCode.REACTIVATE)))
                    .when(add("d-1", GOODWILL, DiscountValue.amount(eur("10.00")), mature)).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_CRITERIA_NOT_MET, "definitionCode", "matured"));
        }

        @Test
        void everyListedProductMustBeOnTheSubscription() {
            lookup.with(goodwill().criteria(new DiscountCriteria(null, null, null, null, List.of("GOLD", "CINEMA"),
                    null)).build());

            fixture.given(effective()).when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_CRITERIA_NOT_MET, "definitionCode", "products"));
        }

        @Test
        void theAccountsClassificationOrCreditRatingMustBeListed() {
            lookup.with(goodwill().criteria(new DiscountCriteria(null, null, new DiscountCriteria.AccountCriteria(
                    List.of("LOYAL"), List.of("AA")), null, null, null)).build());
            fixture.given(effective()).when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_CRITERIA_NOT_MET, "definitionCode", "account"));

            lookup.with(goodwill().criteria(new DiscountCriteria(null, null, new DiscountCriteria.AccountCriteria(
                    List.of("LOYAL"), List.of("AAA")), null, null, null)).build());
            fixture.given(effective()).when(add("d-1", "10.00"))
                    .expectEvents(added("d-1", "10.00", DiscountStatus.PENDING_APPROVAL));
        }
    }

    @Nested
    class CountingApplications {
        @Test
        void aFourthGoodwillDiscountInAYearIsRefused() {
            fixture.given(effective(), added("d-1", "10.00", DiscountStatus.APPROVED),
                            added("d-2", "10.00", DiscountStatus.PENDING_APPROVAL),
                            added("d-3", "10.00", DiscountStatus.PENDING_APPROVAL))
                    .when(add("d-4", "10.00"))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_APPLICATIONS_EXHAUSTED, "definitionCode", "3"));
        }

        @Test
        void applicationsRecordedInTheLastYearCount() {
            fixture.given(effective(), added("d-1", "10.00", LocalDate.of(2026, 3, 2), DiscountStatus.APPROVED),
                            applied("d-1", LocalDate.of(2026, 3, 2), 1), applied("d-1", LocalDate.of(2026, 4, 2), 2),
                            new DiscountRemoved(ID, "d-1", LocalDate.of(2026, 5, 1), null,
                                    action(BehaviourCode.REMOVE_DISCOUNT)),
                            added("d-2", "10.00", LocalDate.of(2026, 5, 2), DiscountStatus.PENDING_APPROVAL))
                    .when(add("d-3", GOODWILL, DiscountValue.amount(eur("10.00")), LocalDate.of(2026, 5, 3)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_APPLICATIONS_EXHAUSTED));
        }

        @Test
        void applicationsRecordedInsideABillsSubscriptionBilledCountAsTheEventsOfOlderBillsDo() {
            // March's as an event of its own (a bill of revision 1), April's inside its bill (revision 2)
            fixture.given(effective(), added("d-1", "10.00", LocalDate.of(2026, 3, 2), DiscountStatus.APPROVED),
                            applied("d-1", LocalDate.of(2026, 3, 2), 1),
                            billedWith(LocalDate.of(2026, 4, 2), applied("d-1", LocalDate.of(2026, 4, 2), 2)),
                            new DiscountRemoved(ID, "d-1", LocalDate.of(2026, 5, 1), null,
                                    action(BehaviourCode.REMOVE_DISCOUNT)),
                            added("d-2", "10.00", LocalDate.of(2026, 5, 2), DiscountStatus.PENDING_APPROVAL))
                    .when(add("d-3", GOODWILL, DiscountValue.amount(eur("10.00")), LocalDate.of(2026, 5, 3)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_APPLICATIONS_EXHAUSTED));
        }

        @Test
        void applicationsOlderThanAYearAndRejectedDiscountsDoNotCount() {
            lookup.with(goodwill().validity(Validity.ALWAYS).build());
            fixture.given(effective(), added("d-1", "10.00", LocalDate.of(2026, 3, 2), DiscountStatus.APPROVED),
                            applied("d-1", LocalDate.of(2026, 3, 2), 1), applied("d-1", LocalDate.of(2026, 4, 2), 2),
                            applied("d-1", LocalDate.of(2026, 5, 2), 3),
                            new DiscountRemoved(ID, "d-1", LocalDate.of(2026, 6, 1), null,
                                    action(BehaviourCode.REMOVE_DISCOUNT)),
                            added("d-2", "10.00", LocalDate.of(2026, 6, 2), DiscountStatus.PENDING_APPROVAL),
                            new DiscountRejected(ID, "d-2", LocalDate.of(2026, 6, 3), "no",
                                    action(BehaviourCode.REJECT_DISCOUNT)))
                    .when(add("d-3", GOODWILL, DiscountValue.amount(eur("10.00")), LocalDate.of(2027, 3, 3)))
                    .expectEvents(added("d-3", "10.00", LocalDate.of(2027, 3, 3), DiscountStatus.PENDING_APPROVAL));
        }

        @Test
        void aLimitWithoutAPeriodCountsEveryApplication() {
            lookup.with(goodwill().limit(new ApplicationLimit(1, null)).build());

            fixture.given(effective(), new DiscountAdded(ID, "d-1", GOODWILL, DiscountType.AD_HOC,
                            DiscountValue.amount(eur("10.00")), DAY_ONE, DAY_ONE, null, new ApplicationLimit(1, null),
                            DiscountStatus.APPROVED, null, action(BehaviourCode.ADD_DISCOUNT)),
                            applied("d-1", DAY_ONE, 1))
                    .when(add("d-2", GOODWILL, DiscountValue.amount(eur("10.00")), LocalDate.of(2026, 12, 31)))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_APPLICATIONS_EXHAUSTED));
        }
    }

    @Nested
    class TheSubscription {
        @Test
        void aDraftTakesNoDiscount() {
            fixture.given(draft()).when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.SUBSCRIPTION_STATE_INVALID));
        }

        @Test
        void aTerminatedSubscriptionTakesNoDiscount() {
            fixture.given(effective(), new SubscriptionTerminated(ID, "acc-1", DAY_ONE.plusDays(5), null,
                            action(BehaviourCode.TERMINATE)))
                    .when(add("d-1", "10.00")).expectNoEvents()
                    .expectException(refusal(ErrorCode.SUBSCRIPTION_STATE_INVALID));
        }
    }

    @Nested
    class Duration {
        @Test
        void fromTheAgreementDateForAPeriod() {
            lookup.with(goodwill().duration(new DiscountDuration(DurationStart.AGREEMENT_DATE, null,
                    new TimeSpan(3, PeriodUnit.MONTHS))).build());

            fixture.given(effective()).when(add("d-1", "10.00"))
                    .expectEvents(new DiscountAdded(ID, "d-1", GOODWILL, DiscountType.AD_HOC,
                            DiscountValue.amount(eur("10.00")), IN_APRIL, DAY_ONE, LocalDate.of(2026, 6, 1),
                            new ApplicationLimit(3, PeriodUnit.YEARS), DiscountStatus.PENDING_APPROVAL,
                            "sorry for the outage", action(BehaviourCode.ADD_DISCOUNT)));
        }

        @Test
        void fromTheDiscountedServicesEffectiveDateUntilADate() {
            lookup.with(goodwill().duration(new DiscountDuration(DurationStart.SERVICE_EFFECTIVE_DATE,
                    LocalDate.of(2026, 12, 31), null)).build());
            var gold = created(SubscriptionState.EFFECTIVE, List.of(BOX),
                    List.of(recorded("GOLD", LocalDate.of(2026, 3, 5), "box-1")), List.of());

            fixture.given(gold).when(add("d-1", "10.00"))
                    .expectEvents(new DiscountAdded(ID, "d-1", GOODWILL, DiscountType.AD_HOC,
                            DiscountValue.amount(eur("10.00")), IN_APRIL, LocalDate.of(2026, 3, 5),
                            LocalDate.of(2026, 12, 31), new ApplicationLimit(3, PeriodUnit.YEARS),
                            DiscountStatus.PENDING_APPROVAL, "sorry for the outage",
                            action(BehaviourCode.ADD_DISCOUNT)));
        }
    }

    @Nested
    class ApprovingAndRejecting {
        static final LocalDate DECIDED = IN_APRIL.plusDays(1);

        @Test
        void aMemberOfTheApprovingUnitApproves() {
            fixture.given(effective(), added("d-1", "15.00", DiscountStatus.PENDING_APPROVAL))
                    .when(new ApproveDiscount(ID, "d-1", DECIDED), as(CARE_MANAGER))
                    .expectEvents(new DiscountApproved(ID, "d-1", DECIDED, action(BehaviourCode.APPROVE_DISCOUNT)));
        }

        @Test
        void aUserTheApprovalNamesApproves() {
            lookup.with(goodwill().approval(new Approval(true, List.of("olga"), List.of())).build());

            fixture.given(effective(), added("d-1", "15.00", DiscountStatus.PENDING_APPROVAL))
                    .when(new ApproveDiscount(ID, "d-1", DECIDED), as(NAMED_APPROVER))
                    .expectEvents(new DiscountApproved(ID, "d-1", DECIDED, action(BehaviourCode.APPROVE_DISCOUNT)));
        }

        @Test
        void aSuperUserApproves() {
            fixture.given(effective(), added("d-1", "15.00", DiscountStatus.PENDING_APPROVAL))
                    .when(new ApproveDiscount(ID, "d-1", DECIDED), as(SUPER_USER))
                    .expectEvents(new DiscountApproved(ID, "d-1", DECIDED, action(BehaviourCode.APPROVE_DISCOUNT)));
        }

        @Test
        void anAgentOutsideTheApprovingUnitIsRefusedAndNothingIsRecorded() {
            fixture.given(effective(), added("d-1", "15.00", DiscountStatus.PENDING_APPROVAL))
                    .when(new ApproveDiscount(ID, "d-1", DECIDED), as(AGENT))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_APPROVAL_NOT_ALLOWED, "discountId", CARE_MANAGERS));
        }

        @Test
        void anAgentOutsideTheApprovingUnitMayNotRejectEither() {
            fixture.given(effective(), added("d-1", "15.00", DiscountStatus.PENDING_APPROVAL))
                    .when(new RejectDiscount(ID, "d-1", DECIDED, "too generous"), as(AGENT))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_APPROVAL_NOT_ALLOWED));
        }

        @Test
        void aMemberOfTheApprovingUnitRejects() {
            fixture.given(effective(), added("d-1", "15.00", DiscountStatus.PENDING_APPROVAL))
                    .when(new RejectDiscount(ID, "d-1", DECIDED, "too generous"), as(CARE_MANAGER))
                    .expectEvents(new DiscountRejected(ID, "d-1", DECIDED, "too generous",
                            action(BehaviourCode.REJECT_DISCOUNT)));
        }

        @Test
        void onlyAPendingDiscountIsDecidedOn() {
            fixture.given(effective(), added("d-1", "15.00", DiscountStatus.APPROVED))
                    .when(new ApproveDiscount(ID, "d-1", DECIDED), as(CARE_MANAGER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_NOT_PENDING));
            fixture.given(effective(), added("d-1", "15.00", DiscountStatus.PENDING_APPROVAL),
                            new DiscountRejected(ID, "d-1", DECIDED, null, action(BehaviourCode.REJECT_DISCOUNT)))
                    .when(new ApproveDiscount(ID, "d-1", DECIDED), as(CARE_MANAGER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_NOT_PENDING));
        }

        @Test
        void anUnknownDiscountIsNotFound() {
            fixture.given(effective())
                    .when(new ApproveDiscount(ID, "d-9", DECIDED), as(CARE_MANAGER))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_NOT_FOUND, "discountId"));
        }
    }

    @Nested
    class Removing {
        static final LocalDate REMOVED = IN_APRIL.plusMonths(1);

        @Test
        void aDiscountIsRemovedFromADate() {
            fixture.given(effective(), added("d-1", "15.00", DiscountStatus.APPROVED))
                    .when(new RemoveDiscount(ID, "d-1", REMOVED, "customer left the promotion"))
                    .expectEvents(new DiscountRemoved(ID, "d-1", REMOVED, "customer left the promotion",
                            action(BehaviourCode.REMOVE_DISCOUNT)));
        }

        @Test
        void aDiscountIsNotRemovedTwice() {
            fixture.given(effective(), added("d-1", "15.00", DiscountStatus.APPROVED),
                            new DiscountRemoved(ID, "d-1", REMOVED, null, action(BehaviourCode.REMOVE_DISCOUNT)))
                    .when(new RemoveDiscount(ID, "d-1", REMOVED, null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_ALREADY_REMOVED));
        }

        @Test
        void aRemovalBeforeTheDiscountWasAddedIsRefused() {
            fixture.given(effective(), added("d-1", "15.00", DiscountStatus.APPROVED))
                    .when(new RemoveDiscount(ID, "d-1", IN_APRIL.minusDays(1), null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED, "removedOn"));
        }

        @Test
        void anUnknownDiscountIsNotFound() {
            fixture.given(effective())
                    .when(new RemoveDiscount(ID, "d-9", REMOVED, null))
                    .expectNoEvents()
                    .expectException(refusal(ErrorCode.DISCOUNT_NOT_FOUND));
        }
    }
}
