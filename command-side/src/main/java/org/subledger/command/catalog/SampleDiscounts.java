package org.subledger.command.catalog;

import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.AllowedDuration;
import org.subledger.kernel.catalog.ApplicationLimit;
import org.subledger.kernel.catalog.AppliedServiceType;
import org.subledger.kernel.catalog.Approval;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.BuyInAdvanceDefinition;
import org.subledger.kernel.catalog.CreateAdditiveDiscount;
import org.subledger.kernel.catalog.CreateBuyInAdvanceDefinition;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.catalog.DiscountCriteria;
import org.subledger.kernel.catalog.DiscountDuration;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.DiscountedProducts;
import org.subledger.kernel.catalog.DurationStart;
import org.subledger.kernel.catalog.MonthRange;
import org.subledger.kernel.catalog.PeriodUnit;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The discount and buy-in-advance definitions of the sample catalog, from the worked examples of the discount
 * manual (D1, D2, D6, B1). The auto-apply ones carry criteria narrow enough that they reach only the subscriptions
 * their example describes.
 */
public final class SampleDiscounts {

    /** The ad hoc discount of the demo: 5.00 to 20.00 a month, approved by Customer Care Managers. */
    public static final String GOODWILL_CREDIT = "GOODWILL-CREDIT";

    private SampleDiscounts() {
    }

    static List<Object> commands() {
        var packages = new DiscountedProducts(List.of(), List.of("TV-PACKAGE"), null);
        var fromAgreement = DiscountDuration.indefinitely(DurationStart.AGREEMENT_DATE);
        var once = new ApplicationLimit(1, null);
        // D1: 2 months free on a subscription billed for a year (10 months billed)
        var freeMonths = new AdditiveDiscountDefinition("D1-TWO-MONTHS-FREE", "Two months free on a yearly Platinum",
                DiscountType.AUTO_APPLY, DiscountClassification.SUBSCRIPTIONS, AppliedServiceType.NON_USAGE,
                DefinitionState.EFFECTIVE, DiscountValue.freePeriod(2, PeriodUnit.MONTHS),
                new DiscountedProducts(List.of("PLATINUM"), List.of(), null), Validity.ALWAYS, fromAgreement, once,
                Approval.NONE, List.of(), new DiscountCriteria(new DiscountCriteria.BillingTermCriteria(null,
                List.of(BillingFrequency.ANNUAL), null), List.of("PLATINUM"), null, null, null, null));
        // D2: an agent gives 5-20 a month, at most 3 times a year, once Customer Care Managers approve (the demo
        // organisation's unit CUSTOMER-CARE-MANAGERS, whose members are no agents: an agent never approves its own)
        var goodwill = new AdditiveDiscountDefinition("D2-CARE-GOODWILL", "Customer care goodwill",
                DiscountType.AD_HOC, DiscountClassification.SUBSCRIPTIONS, AppliedServiceType.NON_USAGE,
                DefinitionState.EFFECTIVE, DiscountValue.amountBetween(eur("5.00"), eur("20.00")), packages,
                new Validity(LocalDate.of(2015, 1, 1), LocalDate.of(2016, 1, 1)),
                DiscountDuration.indefinitely(DurationStart.DATE_ADDED), new ApplicationLimit(3, PeriodUnit.YEARS),
                new Approval(true, List.of(), List.of("CUSTOMER-CARE-MANAGERS")), List.of(),
                new DiscountCriteria(new DiscountCriteria.BillingTermCriteria(null, List.of(BillingFrequency.MONTHLY),
                        null), null, null, null, null, null));
        // B1: 12 months bought in advance on Gold, 3 of them free
        var inAdvance = new AdditiveDiscountDefinition("B1-THREE-MONTHS-FREE", "Three months free on a Gold year "
                + "bought in advance", DiscountType.AUTO_APPLY, DiscountClassification.SUBSCRIPTIONS,
                AppliedServiceType.NON_USAGE, DefinitionState.EFFECTIVE, DiscountValue.freePeriod(3, PeriodUnit.MONTHS),
                new DiscountedProducts(List.of("GOLD"), List.of(), null),
                new Validity(LocalDate.of(2015, 1, 1), LocalDate.of(2020, 1, 1)), fromAgreement, once, Approval.NONE,
                List.of(), new DiscountCriteria(null, null, null, null, null, List.of(new MonthRange(12, 12))));
        // as D2, valid today: what the demo gives (and a Customer Care Manager approves) on a customer's bills
        var credit = new AdditiveDiscountDefinition(GOODWILL_CREDIT, "Goodwill credit for a missed visit",
                DiscountType.AD_HOC, DiscountClassification.SUBSCRIPTIONS, AppliedServiceType.NON_USAGE,
                DefinitionState.EFFECTIVE, DiscountValue.amountBetween(eur("5.00"), eur("20.00")), packages,
                Validity.ALWAYS, DiscountDuration.indefinitely(DurationStart.DATE_ADDED),
                new ApplicationLimit(3, PeriodUnit.YEARS),
                new Approval(true, List.of(), List.of("CUSTOMER-CARE-MANAGERS")), List.of(),
                new DiscountCriteria(new DiscountCriteria.BillingTermCriteria(null, List.of(BillingFrequency.MONTHLY),
                        null), null, null, null, null, null));
        return List.of(new CreateAdditiveDiscount(freeMonths), new CreateAdditiveDiscount(goodwill),
                new CreateAdditiveDiscount(credit),
                new CreateAdditiveDiscount(level("D6-LOYALTY-LEVEL-1", "10", 1)),
                new CreateAdditiveDiscount(level("D6-LOYALTY-LEVEL-2", "20", 2)),
                new CreateBuyInAdvanceDefinition(new BuyInAdvanceDefinition("GOLD-YEAR-AHEAD",
                        "A Gold year in advance", DefinitionState.EFFECTIVE,
                        List.of(new AllowedDuration("GOLD", 12, 12)))),
                new CreateAdditiveDiscount(inAdvance));
    }

    /** D6: 10 % at level 1 and 20 % at level 2 on the same charge (100.00 becomes 72.00), for LOYAL accounts. */
    private static AdditiveDiscountDefinition level(String code, String percentage, int level) {
        return new AdditiveDiscountDefinition(code, percentage + " % loyalty discount, level " + level,
                DiscountType.AUTO_APPLY, DiscountClassification.SUBSCRIPTIONS, AppliedServiceType.NON_USAGE,
                DefinitionState.EFFECTIVE, DiscountValue.percentage(new BigDecimal(percentage), level),
                new DiscountedProducts(List.of(), List.of("TV-PACKAGE", "ADD-ON"), null), Validity.ALWAYS,
                DiscountDuration.indefinitely(DurationStart.SERVICE_EFFECTIVE_DATE), null, Approval.NONE, List.of(),
                new DiscountCriteria(null, null, new DiscountCriteria.AccountCriteria(List.of("LOYAL"), null), null,
                        null, null));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
