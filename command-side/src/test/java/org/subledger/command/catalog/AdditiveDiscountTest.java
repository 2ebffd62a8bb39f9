package org.subledger.command.catalog;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.AdditiveDiscountAmended;
import org.subledger.kernel.catalog.AdditiveDiscountCreated;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.AmendAdditiveDiscount;
import org.subledger.kernel.catalog.ApplicationLimit;
import org.subledger.kernel.catalog.AppliedServiceType;
import org.subledger.kernel.catalog.Approval;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.BillingTiming;
import org.subledger.kernel.catalog.Composition;
import org.subledger.kernel.catalog.CreateAdditiveDiscount;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.catalog.DiscountCriteria;
import org.subledger.kernel.catalog.DiscountDuration;
import org.subledger.kernel.catalog.DiscountKind;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.DiscountedProducts;
import org.subledger.kernel.catalog.FreePeriodRange;
import org.subledger.kernel.catalog.MoneyRange;
import org.subledger.kernel.catalog.DurationStart;
import org.subledger.kernel.catalog.MonthRange;
import org.subledger.kernel.catalog.PercentageRange;
import org.subledger.kernel.catalog.PeriodUnit;
import org.subledger.kernel.catalog.ProductClassification;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.catalog.TimeSpan;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.subledger.command.catalog.CatalogFixtures.HARDWARE;
import static org.subledger.command.catalog.CatalogFixtures.TERMED;
import static org.subledger.command.catalog.CatalogFixtures.eur;
import static org.subledger.command.catalog.CatalogFixtures.product;
import static org.subledger.command.catalog.CatalogFixtures.refusal;

class AdditiveDiscountTest {

    static final ProductTypeDefinition BOUQUETS = new ProductTypeDefinition("BOUQUET", "Bouquets",
            ProductClassification.SERVICE, null, ServiceType.TERMED, Composition.FLEXIBLE_BUNDLE, true, null);
    static final DiscountedProducts PLATINUM = new DiscountedProducts(List.of("PLATINUM"), List.of(), null);
    static final DiscountDuration FROM_AGREEMENT = DiscountDuration.indefinitely(DurationStart.AGREEMENT_DATE);

    /** D1: two months free. */
    static final AdditiveDiscountDefinition FREE_MONTHS = autoApply("FREE-2", DiscountValue.freePeriod(2,
            PeriodUnit.MONTHS));

    /** D2: 5-20 a month, at most 3 times a year, approved by a unit. */
    static final AdditiveDiscountDefinition CARE = new AdditiveDiscountDefinition("CARE", "Customer care",
            DiscountType.AD_HOC, DiscountClassification.SUBSCRIPTIONS, AppliedServiceType.NON_USAGE,
            DefinitionState.EFFECTIVE, DiscountValue.amountBetween(eur("5"), eur("20")),
            new DiscountedProducts(List.of(), List.of("TV-PACKAGE"), null),
            new Validity(LocalDate.of(2015, 1, 1), LocalDate.of(2016, 1, 1)),
            DiscountDuration.indefinitely(DurationStart.DATE_ADDED), new ApplicationLimit(3, PeriodUnit.YEARS),
            new Approval(true, List.of(), List.of("Customer Care Managers")), List.of("Customer Care"),
            new DiscountCriteria(new DiscountCriteria.BillingTermCriteria(null,
                    List.of(BillingFrequency.MONTHLY), null), null, null, null, null,
                    null));

    AggregateTestFixture<AdditiveDiscount> fixture;
    FakeCatalog catalog;

    static AdditiveDiscountDefinition autoApply(String code, DiscountValue value) {
        return new AdditiveDiscountDefinition(code, code + " discount", DiscountType.AUTO_APPLY,
                DiscountClassification.SUBSCRIPTIONS, AppliedServiceType.NON_USAGE, DefinitionState.EFFECTIVE, value,
                PLATINUM, Validity.ALWAYS, FROM_AGREEMENT, new ApplicationLimit(1, null), Approval.NONE, List.of(),
                DiscountCriteria.NONE);
    }

    /** A usage discount on Platinum (a usage service here only by its applied service type) with usage totals. */
    static AdditiveDiscountDefinition usageTotals(DiscountCriteria.UsageTotal quantity,
                                                  DiscountCriteria.UsageTotal amount) {
        var usage = new DiscountCriteria.UsageCriteria(null, null, null, null, null, null, null, null, quantity,
                amount);
        return new AdditiveDiscountDefinition("HEAVY", "Heavy usage", DiscountType.AUTO_APPLY,
                DiscountClassification.SUBSCRIPTIONS, AppliedServiceType.USAGE, DefinitionState.EFFECTIVE,
                DiscountValue.percentage(new BigDecimal("10"), 1), PLATINUM, Validity.ALWAYS, FROM_AGREEMENT, null,
                Approval.NONE, List.of(), new DiscountCriteria(null, null, null, null, null, null, null, null, usage));
    }

    static AdditiveDiscountDefinition withValue(AdditiveDiscountDefinition d, DiscountValue value) {
        return new AdditiveDiscountDefinition(d.code(), d.name(), d.type(), d.classification(),
                d.appliedServiceType(), d.state(), value, d.discountedProducts(), d.validity(), d.duration(),
                d.applicationLimit(), d.approval(), d.allowedOrganisationalUnits(), d.criteria());
    }

    @BeforeEach
    void setUp() {
        catalog = new FakeCatalog().with(TERMED).with(HARDWARE).with(BOUQUETS).with(product("PLATINUM", "TV-PACKAGE"))
                .with(product("DECODER", "HW")).with(product("BOUQUET", "BOUQUET"));
        catalog.subscriptionTypes.add("GOLD");
        fixture = new AggregateTestFixture<>(AdditiveDiscount.class);
        fixture.registerInjectableResource(catalog);
    }

    void refused(AdditiveDiscountDefinition d, ErrorCode code, String field) {
        fixture.givenNoPriorActivity().when(new CreateAdditiveDiscount(d))
                .expectException(refusal(code, field)).expectNoEvents();
    }

    @Nested
    class Creating {

        @Test
        void recordsAFreePeriodDiscount() {
            fixture.givenNoPriorActivity().when(new CreateAdditiveDiscount(FREE_MONTHS))
                    .expectEvents(new AdditiveDiscountCreated(FREE_MONTHS));
        }

        @Test
        void recordsAnAdHocRangeWithApprovalByAUnit() {
            fixture.givenNoPriorActivity().when(new CreateAdditiveDiscount(CARE))
                    .expectEvents(new AdditiveDiscountCreated(CARE));
        }

        @Test
        void recordsPercentagesAtTheirLevel() {
            var levelTwo = autoApply("L2", DiscountValue.percentage(new BigDecimal("12.5"), 2));
            fixture.givenNoPriorActivity().when(new CreateAdditiveDiscount(levelTwo))
                    .expectEvents(new AdditiveDiscountCreated(levelTwo));
        }

        @Test
        void recordsNothingWhenTheSameDefinitionIsCreatedAgain() {
            fixture.given(new AdditiveDiscountCreated(FREE_MONTHS)).when(new CreateAdditiveDiscount(FREE_MONTHS))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void refusesAnotherDefinitionUnderATakenCode() {
            fixture.given(new AdditiveDiscountCreated(FREE_MONTHS))
                    .when(new CreateAdditiveDiscount(withValue(FREE_MONTHS, DiscountValue.freePeriod(3,
                            PeriodUnit.MONTHS))))
                    .expectException(refusal(ErrorCode.CATALOG_ENTRY_EXISTS)).expectNoEvents();
        }
    }

    @Nested
    class Values {

        @Test
        void acceptsAnAdHocDiscountWithAFixedValueInsteadOfARange() {
            var fixed = withValue(CARE, DiscountValue.amount(eur("10")));
            fixture.givenNoPriorActivity().when(new CreateAdditiveDiscount(fixed))
                    .expectEvents(new AdditiveDiscountCreated(fixed));
        }

        @Test
        void refusesBothAValueAndARangeOrNeither() {
            refused(withValue(CARE, new DiscountValue(DiscountKind.AMOUNT, eur("10"), new MoneyRange(eur("5"),
                    eur("20")), null, null, null, null, null)), ErrorCode.VALIDATION_FAILED, "discount.amountRange");
            refused(withValue(CARE, new DiscountValue(DiscountKind.AMOUNT, null, null, null, null, null, null,
                    null)), ErrorCode.VALIDATION_FAILED, "discount.amount");
        }

        @Test
        void acceptsAnAdHocFreePeriodRange() {
            var twoToSix = withValue(CARE, new DiscountValue(DiscountKind.FREE_PERIOD, null, null, null, null, null,
                    null, new FreePeriodRange(2, 6, PeriodUnit.MONTHS)));
            fixture.givenNoPriorActivity().when(new CreateAdditiveDiscount(twoToSix))
                    .expectEvents(new AdditiveDiscountCreated(twoToSix));
            refused(withValue(CARE, new DiscountValue(DiscountKind.FREE_PERIOD, null, null, null, null, null, null,
                    new FreePeriodRange(6, 2, PeriodUnit.MONTHS))), ErrorCode.VALIDATION_FAILED,
                    "discount.freePeriodRange");
        }

        @Test
        void refusesARangeWhoseMinimumIsAboveItsMaximum() {
            refused(withValue(CARE, DiscountValue.amountBetween(eur("20"), eur("5"))), ErrorCode.VALIDATION_FAILED,
                    "discount.amountRange");
        }

        @Test
        void recordsUsageTotalsPerUnitOfTimeAndRefusesATotalWithoutABoundOrOutOfOrder() {
            var month = new DiscountCriteria.UsageTotal(new BigDecimal("100"), null, PeriodUnit.MONTHS);
            fixture.givenNoPriorActivity().when(new CreateAdditiveDiscount(usageTotals(month, null)))
                    .expectEvents(new AdditiveDiscountCreated(usageTotals(month, null)));
            refused(usageTotals(new DiscountCriteria.UsageTotal(null, null, PeriodUnit.MONTHS), null),
                    ErrorCode.VALIDATION_FAILED, "criteria.usage.totalQuantity");
            refused(usageTotals(null, new DiscountCriteria.UsageTotal(new BigDecimal("30"), new BigDecimal("20"),
                    PeriodUnit.WEEKS)), ErrorCode.VALIDATION_FAILED, "criteria.usage.totalUsage");
        }

        @Test
        void refusesARangeInTwoCurrencies() {
            refused(withValue(CARE, DiscountValue.amountBetween(eur("5"), Money.of("20", "USD"))),
                    ErrorCode.VALIDATION_FAILED, "discount.amountRange");
        }

        @Test
        void refusesANegativeAmount() {
            refused(autoApply("NEG", DiscountValue.amount(eur("-5"))), ErrorCode.VALIDATION_FAILED,
                    "discount.amount");
        }

        @Test
        void refusesARangeOnAnAutoApplyDiscount() {
            refused(autoApply("AUTO", DiscountValue.amountBetween(eur("5"), eur("20"))), ErrorCode.VALIDATION_FAILED,
                    "discount.amountRange");
        }

        @Test
        void refusesPercentagesAboveAHundredOrFinerThanFourDecimals() {
            refused(autoApply("P", DiscountValue.percentage(new BigDecimal("100.01"), 1)),
                    ErrorCode.VALIDATION_FAILED, "discount.percentage");
            refused(autoApply("P", DiscountValue.percentage(new BigDecimal("10.00001"), 1)),
                    ErrorCode.VALIDATION_FAILED, "discount.percentage");
            refused(autoApply("P", DiscountValue.percentage(new BigDecimal("-1"), 1)),
                    ErrorCode.VALIDATION_FAILED, "discount.percentage");
        }

        @Test
        void refusesALevelOutsideOneToThree() {
            refused(autoApply("P", DiscountValue.percentage(BigDecimal.TEN, 4)), ErrorCode.VALIDATION_FAILED,
                    "discount.level");
            refused(autoApply("P", DiscountValue.percentage(BigDecimal.TEN, 0)), ErrorCode.VALIDATION_FAILED,
                    "discount.level");
        }

        @Test
        void refusesAnAdHocPercentageRangeUpsideDown() {
            var range = new DiscountValue(
                    DiscountKind.PERCENTAGE, null, null, null,
                    new PercentageRange(new BigDecimal("20"), new BigDecimal("5")), 1, null, null);
            refused(withValue(CARE, range), ErrorCode.VALIDATION_FAILED, "discount.percentageRange");
        }

        @Test
        void refusesAnEmptyFreePeriod() {
            refused(autoApply("F", DiscountValue.freePeriod(0, PeriodUnit.MONTHS)), ErrorCode.VALIDATION_FAILED,
                    "discount.freePeriod");
        }

        @Test
        void refusesAValueOfAnotherKind() {
            var mixed = new DiscountValue(DiscountKind.FREE_PERIOD, eur("5"), null,
                    null, null, null, new TimeSpan(1, PeriodUnit.MONTHS), null);
            refused(autoApply("F", mixed), ErrorCode.VALIDATION_FAILED, "discount");
        }
    }

    @Nested
    class TermsAndApproval {

        AdditiveDiscountDefinition care(Approval approval, List<String> units, DiscountType type,
                                        DiscountDuration duration, ApplicationLimit limit) {
            return new AdditiveDiscountDefinition("CARE", "Care", type, CARE.classification(),
                    CARE.appliedServiceType(), CARE.state(), type == DiscountType.AD_HOC ? CARE.discount()
                    : DiscountValue.amount(eur("5")), CARE.discountedProducts(), CARE.validity(), duration, limit,
                    approval, units, CARE.criteria());
        }

        @Test
        void refusesApprovalOnAnAutoApplyDiscount() {
            refused(care(CARE.approval(), List.of(), DiscountType.AUTO_APPLY, CARE.duration(), null),
                    ErrorCode.VALIDATION_FAILED, "approval");
        }

        @Test
        void refusesApprovalWithoutAnyoneToApprove() {
            refused(care(new Approval(true, List.of(), List.of()), List.of(), DiscountType.AD_HOC, CARE.duration(),
                    null), ErrorCode.VALIDATION_FAILED, "approval");
        }

        @Test
        void refusesAFreePeriodOnJobsWhichAreBilledOnce() {
            var onJobs = new AdditiveDiscountDefinition("JOB-FREE", "Free job", DiscountType.AUTO_APPLY,
                    DiscountClassification.JOBS, AppliedServiceType.NON_USAGE, DefinitionState.EFFECTIVE,
                    DiscountValue.freePeriod(1, PeriodUnit.MONTHS), PLATINUM, Validity.ALWAYS, FROM_AGREEMENT, null,
                    Approval.NONE, List.of(), DiscountCriteria.NONE);
            refused(onJobs, ErrorCode.VALIDATION_FAILED, "discount.kind");
        }

        @Test
        void refusesTheJobCriterionOnASubscriptionDiscount() {
            var late = new DiscountCriteria(null, null, null, null, null, null, new DiscountCriteria.JobCriteria(true),
                    null, null);
            var onSubscriptions = new AdditiveDiscountDefinition("LATE", "Late", DiscountType.AUTO_APPLY,
                    DiscountClassification.SUBSCRIPTIONS, AppliedServiceType.NON_USAGE, DefinitionState.EFFECTIVE,
                    DiscountValue.amount(eur("5")), PLATINUM, Validity.ALWAYS, FROM_AGREEMENT, null, Approval.NONE,
                    List.of(), late);
            refused(onSubscriptions, ErrorCode.VALIDATION_FAILED, "criteria.job");
        }

        @Test
        void refusesAllowedUnitsOnAnAutoApplyDiscount() {
            refused(care(Approval.NONE, List.of("Sales"), DiscountType.AUTO_APPLY, CARE.duration(), null),
                    ErrorCode.VALIDATION_FAILED, "allowedOrganisationalUnits");
        }

        @Test
        void refusesADurationEndingBothOnADateAndAfterAPeriod() {
            refused(care(CARE.approval(), List.of(), DiscountType.AD_HOC, new DiscountDuration(
                    DurationStart.DATE_ADDED, LocalDate.of(2015, 6, 1), new TimeSpan(2, PeriodUnit.MONTHS)), null),
                    ErrorCode.VALIDATION_FAILED, "duration");
        }

        @Test
        void refusesADurationEndingBeforeTheValidityStarts() {
            refused(care(CARE.approval(), List.of(), DiscountType.AD_HOC, new DiscountDuration(
                    DurationStart.DATE_ADDED, LocalDate.of(2014, 6, 1), null), null),
                    ErrorCode.VALIDATION_FAILED, "duration.endDate");
        }

        @Test
        void refusesADurationWithoutAStart() {
            refused(care(CARE.approval(), List.of(), DiscountType.AD_HOC, new DiscountDuration(null, null, null),
                    null), ErrorCode.VALIDATION_FAILED, "duration.start");
        }

        @Test
        void refusesAnApplicationLimitOfNone() {
            refused(care(CARE.approval(), List.of(), DiscountType.AD_HOC, CARE.duration(),
                    new ApplicationLimit(0, PeriodUnit.YEARS)), ErrorCode.VALIDATION_FAILED,
                    "applicationLimit.times");
        }
    }

    @Nested
    class References {

        AdditiveDiscountDefinition on(DiscountedProducts products, DiscountCriteria criteria) {
            return new AdditiveDiscountDefinition("REF", "Ref", DiscountType.AUTO_APPLY,
                    DiscountClassification.SUBSCRIPTIONS, AppliedServiceType.BOTH, DefinitionState.EFFECTIVE,
                    DiscountValue.amount(eur("5")), products, Validity.ALWAYS, FROM_AGREEMENT, null, Approval.NONE,
                    List.of(), criteria);
        }

        @Test
        void refusesADiscountOnNothing() {
            refused(on(new DiscountedProducts(null, null, null), null), ErrorCode.VALIDATION_FAILED,
                    "discountedProducts");
        }

        @Test
        void refusesUnknownProductsAndPhysicalGoods() {
            refused(on(new DiscountedProducts(List.of("NOPE"), null, null), null), ErrorCode.CATALOG_RULE_VIOLATED,
                    "discountedProducts.productCodes");
            refused(on(new DiscountedProducts(List.of("DECODER"), null, null), null),
                    ErrorCode.CATALOG_RULE_VIOLATED, "discountedProducts.productCodes");
            refused(on(new DiscountedProducts(null, List.of("HW"), null), null), ErrorCode.CATALOG_RULE_VIOLATED,
                    "discountedProducts.productTypeCodes");
        }

        @Test
        void acceptsAProductTypeAsAComponentOfAFlexibleBundleOnly() {
            var inBouquet = on(new DiscountedProducts(null, List.of("TV-PACKAGE"), "BOUQUET"), null);
            fixture.givenNoPriorActivity().when(new CreateAdditiveDiscount(inBouquet))
                    .expectEvents(new AdditiveDiscountCreated(inBouquet));
            refused(on(new DiscountedProducts(null, List.of("TV-PACKAGE"), "PLATINUM"), null),
                    ErrorCode.CATALOG_RULE_VIOLATED, "discountedProducts.bundleProductCode");
        }

        @Test
        void refusesCriteriaNamingEntriesThatDoNotExist() {
            refused(on(PLATINUM, new DiscountCriteria(null, List.of("SILVER"), null, null, null, null)),
                    ErrorCode.CATALOG_RULE_VIOLATED, "criteria.subscriptionTypes");
            refused(on(PLATINUM, new DiscountCriteria(new DiscountCriteria.BillingTermCriteria(List.of("NONE"),
                    null, null), null, null, null, null, null)), ErrorCode.CATALOG_RULE_VIOLATED,
                    "criteria.billingTerm.schemes");
            refused(on(PLATINUM, new DiscountCriteria(null, null, null, List.of("NONE"), null, null)),
                    ErrorCode.CATALOG_RULE_VIOLATED, "criteria.pricePlans");
            refused(on(PLATINUM, new DiscountCriteria(null, null, null, null, List.of("NONE"), null)),
                    ErrorCode.CATALOG_RULE_VIOLATED, "criteria.products");
        }

        @Test
        void refusesAnAdHocDiscountOnASchemeWithoutFlexiblePricing() {
            catalog.with(scheme("FLEXIBLE", true)).with(scheme("FIXED", false));
            var onFixed = withCriteria(CARE, "FIXED");
            refused(onFixed, ErrorCode.CATALOG_RULE_VIOLATED, "criteria.billingTerm.schemes");
            var onFlexible = withCriteria(CARE, "FLEXIBLE");
            fixture.givenNoPriorActivity().when(new CreateAdditiveDiscount(onFlexible))
                    .expectEvents(new AdditiveDiscountCreated(onFlexible));
            var autoOnFixed = on(PLATINUM, withCriteria(CARE, "FIXED").criteria());
            new AggregateTestFixture<>(AdditiveDiscount.class).registerInjectableResource(catalog)
                    .givenNoPriorActivity().when(new CreateAdditiveDiscount(autoOnFixed))
                    .expectEvents(new AdditiveDiscountCreated(autoOnFixed));
        }

        BillingTermSchemeDefinition scheme(String code, boolean flexible) {
            return new BillingTermSchemeDefinition(code, code, List.of(BillingFrequency.MONTHLY), 0, List.of(), null,
                    flexible, false, BillingTiming.IN_ADVANCE, null, null, false);
        }

        AdditiveDiscountDefinition withCriteria(AdditiveDiscountDefinition d, String scheme) {
            return new AdditiveDiscountDefinition(d.code(), d.name(), d.type(), d.classification(),
                    d.appliedServiceType(), d.state(), d.discount(), d.discountedProducts(), d.validity(),
                    d.duration(), d.applicationLimit(), d.approval(), d.allowedOrganisationalUnits(),
                    new DiscountCriteria(new DiscountCriteria.BillingTermCriteria(List.of(scheme), null, null), null,
                            null, null, null, null));
        }

        @Test
        void refusesABuyInAdvanceRangeUpsideDown() {
            refused(on(PLATINUM, new DiscountCriteria(null, null, null, null, null,
                    List.of(new MonthRange(12, 6)))), ErrorCode.VALIDATION_FAILED, "criteria.buyInAdvanceDurations");
        }

        @Test
        void acceptsCriteriaOnEntriesThatExist() {
            var gold = on(PLATINUM, new DiscountCriteria(null, List.of("GOLD"), new DiscountCriteria.AccountCriteria(
                    List.of("VIP"), List.of("A")), null, List.of("PLATINUM"), List.of(new MonthRange(12, 12))));
            fixture.givenNoPriorActivity().when(new CreateAdditiveDiscount(gold))
                    .expectEvents(new AdditiveDiscountCreated(gold));
        }
    }

    @Nested
    class Amending {

        @Test
        void recordsTheNewDefinitionAndItsState() {
            var withdrawn = new AdditiveDiscountDefinition(CARE.code(), CARE.name(), CARE.type(),
                    CARE.classification(), CARE.appliedServiceType(), DefinitionState.INACTIVE, CARE.discount(),
                    CARE.discountedProducts(), CARE.validity(), CARE.duration(), CARE.applicationLimit(),
                    CARE.approval(), CARE.allowedOrganisationalUnits(), CARE.criteria());
            fixture.given(new AdditiveDiscountCreated(CARE)).when(new AmendAdditiveDiscount(withdrawn))
                    .expectEvents(new AdditiveDiscountAmended(withdrawn));
        }

        @Test
        void recordsNothingWhenNothingChanges() {
            fixture.given(new AdditiveDiscountCreated(CARE)).when(new AmendAdditiveDiscount(CARE))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void refusesToChangeTheType() {
            var auto = autoApply("FREE-2", DiscountValue.freePeriod(2, PeriodUnit.MONTHS));
            var adHoc = new AdditiveDiscountDefinition(auto.code(), auto.name(), DiscountType.AD_HOC,
                    auto.classification(), auto.appliedServiceType(), auto.state(), auto.discount(),
                    auto.discountedProducts(), auto.validity(), auto.duration(), auto.applicationLimit(),
                    auto.approval(), auto.allowedOrganisationalUnits(), auto.criteria());
            fixture.given(new AdditiveDiscountCreated(auto)).when(new AmendAdditiveDiscount(adHoc))
                    .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "type")).expectNoEvents();
        }

        @Test
        void refusesAnInvalidAmendment() {
            fixture.given(new AdditiveDiscountCreated(CARE))
                    .when(new AmendAdditiveDiscount(withValue(CARE, DiscountValue.amountBetween(eur("30"),
                            eur("20")))))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED, "discount.amountRange")).expectNoEvents();
        }
    }
}
