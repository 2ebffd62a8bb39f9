package org.subledger.command.billing;

import org.junit.jupiter.api.Test;
import org.subledger.command.job.JobDiscountDefinitions;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.catalog.Approval;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.job.JobCompleted;
import org.subledger.kernel.job.JobCreated;
import org.subledger.kernel.job.JobDiscountAdded;
import org.subledger.kernel.job.JobDiscountApplied;
import org.subledger.kernel.job.JobDiscountApproved;
import org.subledger.kernel.job.JobExpense;
import org.subledger.kernel.job.JobExpenseAdded;
import org.subledger.kernel.job.JobGood;
import org.subledger.kernel.job.JobGoodAdded;
import org.subledger.kernel.job.JobStarted;
import org.subledger.kernel.job.JobState;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.job.JobDiscountDefinitions.D4;
import static org.subledger.command.job.JobDiscountDefinitions.D5;

/**
 * Job discounts on the job's one bill (the seeds' D4 and D5): only on the installation fee, only when the job was
 * completed later than expected, percentages before amounts, never below zero, each application named on the bill.
 */
class JobBillDiscountsTest {

    static final LocalDate FROM = LocalDate.of(2015, 1, 1);
    static final LocalDate EXPECTED = LocalDate.of(2026, 4, 10);
    static final LocalDate LATE = EXPECTED.plusDays(2);
    static final BillingAccount ACCOUNT = new BillingAccount("acc-1", Currency.getInstance("EUR"), eur("0.00"),
            Map.of(), false, 3);

    final InMemoryBillingCatalog catalog = new InMemoryBillingCatalog()
            .plan(new PricePlanDefinition("STANDARD", "Standard", PricePlanKind.BASE, null, "EUR", List.of(),
                    List.of(), List.of()))
            .product(product("DECODER"))
            .product(product("INSTALLATION-FEE"))
            .rate("STANDARD", "DECODER", FROM, Rate.flat(eur("10.00")))
            .rate("STANDARD", "INSTALLATION-FEE", FROM, Rate.flat(eur("80.00")))
            .discount(JobDiscountDefinitions.d4())
            .discount(JobDiscountDefinitions.d5());

    @Test
    void d4ApprovedOnALateJobHalvesTheInstallationFee() {
        JobState job = job(LATE, d4Added(), new JobDiscountApproved("job-1", "disc-1", EXPECTED));

        JobBillDraft bill = bill(job, List.of());

        assertThat(bill.total()).isEqualTo(eur("50.00")); // decoder 10.00 + fee 80.00 - 40.00
        BillLine discount = bill.lines().get(2);
        assertThat(discount.kind()).isEqualTo(BillLineKind.DISCOUNT);
        assertThat(discount.productCode()).isEqualTo(D4);
        assertThat(discount.amount()).isEqualTo(eur("-40.00"));
        assertThat(discount.taxAmount()).isEqualTo(eur("-6.39"));
        assertThat(discount.explanation().discounts()).contains("lines 2 INSTALLATION-FEE",
                "criteria ad hoc discount approved; job completed later than expected");
        assertThat(bill.lines().get(1).explanation().discounts()).containsExactly(D4 + " -40.00");
        assertThat(bill.lines().get(0).explanation().discounts()).isEmpty();
        assertThat(bill.discounts()).containsExactly(new JobDiscountApplied("job-1", "disc-1", D4, null, LATE,
                eur("40.00"), List.of("2 INSTALLATION-FEE"), List.of("ad hoc discount approved",
                "job completed later than expected")));
    }

    @Test
    void d4PendingApprovalOrOnAJobOnTimeGivesNothing() {
        assertThat(bill(job(LATE, d4Added()), List.of()).total()).isEqualTo(eur("90.00"));
        JobDiscountApproved approved = new JobDiscountApproved("job-1", "disc-1", EXPECTED);
        JobBillDraft onTime = bill(job(EXPECTED, d4Added(), approved), List.of());
        assertThat(onTime.total()).isEqualTo(eur("90.00"));
        assertThat(onTime.discounts()).isEmpty();
    }

    @Test
    void d5TakesTwentyOffTheFeeOfALateJobOnlyAndIsRecordedAsAutoApplied() {
        JobBillDraft late = bill(job(LATE), List.of(JobDiscountDefinitions.d5()));
        assertThat(late.total()).isEqualTo(eur("70.00"));
        assertThat(late.lines()).extracting(line -> line.amount().amount())
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("80.00"), new BigDecimal("-20.00"));
        assertThat(late.discounts()).extracting(JobDiscountApplied::discountId).containsExactly("auto:" + D5);

        JobBillDraft onTime = bill(job(EXPECTED), List.of(JobDiscountDefinitions.d5()));
        assertThat(onTime.total()).isEqualTo(eur("90.00"));
        assertThat(onTime.lines()).hasSize(2);
    }

    @Test
    void thePercentageIsTakenBeforeTheAmountAndNoLineGoesBelowZero() {
        JobState job = job(LATE, d4Added(), new JobDiscountApproved("job-1", "disc-1", EXPECTED));
        var big = JobDiscountDefinitions.definition("BIG", DiscountType.AUTO_APPLY,
                DiscountValue.amount(eur("100.00")), Approval.NONE);

        JobBillDraft both = bill(job, List.of(JobDiscountDefinitions.d5()));
        assertThat(both.total()).isEqualTo(eur("30.00")); // 80 - 50 % = 40, then - 20 = 20; decoder 10
        assertThat(both.discounts()).extracting(JobDiscountApplied::definitionCode).containsExactly(D4, D5);

        JobBillDraft capped = bill(job(LATE), List.of(big));
        assertThat(capped.total()).isEqualTo(eur("10.00")); // the fee to zero: the 20.00 left is forfeited
        assertThat(capped.discounts().get(0).amount()).isEqualTo(eur("80.00"));
    }

    @Test
    void thePreviewOfAJobNotCompletedYetTellsLatenessByTheDayPreviewed() {
        JobState open = new JobState();
        open.apply(new JobCreated("job-1", "acc-1", "INSTALLATION", "RESIDENTIAL", "STANDARD", EXPECTED.minusDays(9),
                EXPECTED, "CUSTOMER-SERVICE", null), 0);
        open.apply(new JobExpenseAdded("job-1", new JobExpense("e1", "INSTALLATION-FEE")), 1);

        assertThat(JobBillCalculator.bill(open, ACCOUNT, catalog, LATE, BillingRules.defaults(),
                List.of(JobDiscountDefinitions.d5())).total()).isEqualTo(eur("60.00"));
        assertThat(JobBillCalculator.bill(open, ACCOUNT, catalog, EXPECTED, BillingRules.defaults(),
                List.of(JobDiscountDefinitions.d5())).total()).isEqualTo(eur("80.00"));
    }

    private JobBillDraft bill(JobState job, List<org.subledger.kernel.catalog.AdditiveDiscountDefinition> auto) {
        return JobBillCalculator.bill(job, ACCOUNT, catalog, job.actualCompletion(), BillingRules.defaults(), auto);
    }

    private static JobDiscountAdded d4Added() {
        return new JobDiscountAdded("job-1", "disc-1", D4, DiscountValue.percentage(new BigDecimal("50"), 1),
                EXPECTED.minusDays(5), DiscountStatus.PENDING_APPROVAL, null);
    }

    /** A job with a decoder and the installation fee, and the given discount events, completed on {@code on}. */
    private static JobState job(LocalDate on, Object... discounts) {
        List<Object> events = new ArrayList<>(List.of(
                new JobCreated("job-1", "acc-1", "INSTALLATION", "RESIDENTIAL", "STANDARD", EXPECTED.minusDays(9),
                        EXPECTED, "CUSTOMER-SERVICE", null),
                new JobStarted("job-1", EXPECTED.minusDays(9), null),
                new JobGoodAdded("job-1", new JobGood("g1", "DECODER", "SN-1", 1)),
                new JobExpenseAdded("job-1", new JobExpense("e1", "INSTALLATION-FEE"))));
        events.addAll(List.of(discounts));
        events.add(new JobCompleted("job-1", "acc-1", on, EXPECTED, on.isAfter(EXPECTED), null));
        JobState job = new JobState();
        for (int i = 0; i < events.size(); i++) {
            job.apply(events.get(i), i);
        }
        return job;
    }

    private static ProductDefinition product(String code) {
        return new ProductDefinition(code, null, code, "TYPE", "AluxSat", "Family", List.of(), Validity.ALWAYS,
                new BigDecimal("19"), List.of(), null, Map.of());
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
