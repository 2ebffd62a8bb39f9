package org.subledger.command.billing;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.job.ActivityServiceTime;
import org.subledger.kernel.job.JobActivity;
import org.subledger.kernel.job.JobActivityAdded;
import org.subledger.kernel.job.JobCompleted;
import org.subledger.kernel.job.JobCreated;
import org.subledger.kernel.job.JobExpense;
import org.subledger.kernel.job.JobExpenseAdded;
import org.subledger.kernel.job.JobGood;
import org.subledger.kernel.job.JobGoodAdded;
import org.subledger.kernel.job.JobStarted;
import org.subledger.kernel.job.JobState;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.rating.RateLevel;
import org.subledger.kernel.rating.RateModel;
import org.subledger.kernel.rating.TierBasis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A job's one bill, line by line: goods by quantity, expenses once, activity services by hours begun. */
class JobBillCalculatorTest {

    static final LocalDate FROM = LocalDate.of(2015, 1, 1);
    static final LocalDate EXPECTED = LocalDate.of(2026, 4, 10);
    static final LocalDate COMPLETED = LocalDate.of(2026, 4, 12);
    static final BillingAccount ACCOUNT = new BillingAccount("acc-1", Currency.getInstance("EUR"), eur("0.00"),
            Map.of(), false, 3);

    final InMemoryBillingCatalog catalog = new InMemoryBillingCatalog()
            .plan(new PricePlanDefinition("STANDARD", "Standard", PricePlanKind.BASE, null, "EUR", List.of(),
                    List.of(), List.of()))
            .product(product("DECODER", "HD decoder"))
            .product(product("ANTENNA", "Satellite antenna"))
            .product(product("INSTALLATION-FEE", "Installation fee"))
            .product(product("INSTALLATION", "Installation service"))
            .rate("STANDARD", "DECODER", FROM, new Rate(RateModel.TIERED, TierBasis.QUANTITY, eur("10"),
                    List.of(RateLevel.of(1, 1L, eur("10")), RateLevel.of(2, null, eur("9")))))
            .rate("STANDARD", "ANTENNA", FROM, Rate.flat(eur("15.00")))
            .rate("STANDARD", "INSTALLATION-FEE", FROM, Rate.flat(eur("80.00")))
            .rate("STANDARD", "INSTALLATION", FROM, new Rate(RateModel.TIERED, TierBasis.DURATION_HOURS, eur("20"),
                    List.of(RateLevel.of(1, 1L, eur("20")), RateLevel.of(2, 5L, eur("15")),
                            RateLevel.of(6, null, eur("10")))));

    @Test
    void anInstallationBillsTheDecoderTheFeeAndThreeHoursOfServiceEachLineExplained() {
        JobState job = job(new JobGoodAdded("job-1", new JobGood("g1", "DECODER", "SN-1", 1)),
                new JobExpenseAdded("job-1", new JobExpense("e1", "INSTALLATION-FEE")),
                new JobActivityAdded("job-1", new JobActivity("a1", "INSTALL",
                        List.of(new ActivityServiceTime("INSTALLATION", 180)))));

        JobBillDraft bill = JobBillCalculator.bill(job, ACCOUNT, catalog, COMPLETED, BillingRules.defaults(), List.of());

        assertThat(bill.lines()).extracting(BillLine::lineNo, BillLine::productCode, BillLine::quantity,
                        line -> line.amount().amount(), BillLine::reference)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "DECODER", 1L, new BigDecimal("10.00"), "g1"),
                        org.assertj.core.groups.Tuple.tuple(2, "INSTALLATION-FEE", 1L, new BigDecimal("80.00"), "e1"),
                        org.assertj.core.groups.Tuple.tuple(3, "INSTALLATION", 3L, new BigDecimal("50.00"),
                                "a1/INSTALLATION"));
        assertThat(bill.lines()).allMatch(line -> line.kind() == BillLineKind.ONE_OFF
                && line.from().equals(COMPLETED) && line.explanation().pricePlanCode().equals("STANDARD")
                && line.explanation().discounts().isEmpty());
        assertThat(bill.lines().get(0).description()).contains("SN-1");
        assertThat(bill.lines().get(2).explanation().tierBasis()).isEqualTo("DURATION_HOURS");
        assertThat(bill.lines().get(2).explanation().tiers()).hasSize(2);
        assertThat(bill.total()).isEqualTo(eur("140.00"));
        assertThat(bill.taxTotal()).isEqualTo(eur("22.35"));
        assertThat(bill.dueDate()).isEqualTo(COMPLETED.plusDays(14));
        assertThat(bill.late()).isTrue();
    }

    @Test
    void aServiceIsBilledByTheHoursBegun() {
        assertThat(JobBillCalculator.hours(60)).isEqualTo(1);
        assertThat(JobBillCalculator.hours(61)).isEqualTo(2);
        assertThat(JobBillCalculator.hours(180)).isEqualTo(3);
    }

    @Test
    void nonTraceableGoodsAreRatedByTheirQuantity() {
        JobState job = job(new JobGoodAdded("job-1", new JobGood("g1", "ANTENNA", null, 2)));

        JobBillDraft bill = JobBillCalculator.bill(job, ACCOUNT, catalog, COMPLETED, BillingRules.defaults(), List.of());

        assertThat(bill.total()).isEqualTo(eur("30.00"));
    }

    @Test
    void aProductWithoutARateInThePlanIsABusinessRefusal() {
        JobState job = job(new JobGoodAdded("job-1", new JobGood("g1", "ROUTER", "SN-9", 1)));

        assertThatThrownBy(() -> JobBillCalculator.bill(job, ACCOUNT, catalog, COMPLETED, BillingRules.defaults(), List.of()))
                .isInstanceOfSatisfying(LedgerRefusal.class, refusal ->
                        assertThat(refusal.code()).isEqualTo(ErrorCode.CATALOG_ENTRY_NOT_FOUND));
    }

    private static JobState job(Object... contents) {
        JobState job = new JobState();
        long sequence = 0;
        job.apply(new JobCreated("job-1", "acc-1", "INSTALLATION", "RESIDENTIAL", "STANDARD", EXPECTED.minusDays(9),
                EXPECTED, "CUSTOMER-SERVICE", null), sequence++);
        job.apply(new JobStarted("job-1", EXPECTED.minusDays(9), null), sequence++);
        for (Object event : contents) {
            job.apply(event, sequence++);
        }
        job.apply(new JobCompleted("job-1", "acc-1", COMPLETED, EXPECTED, true, null), sequence);
        return job;
    }

    private static ProductDefinition product(String code, String description) {
        return new ProductDefinition(code, null, description, "TYPE", "AluxSat", "Family", List.of(),
                Validity.ALWAYS, new BigDecimal("19"), List.of(), null, Map.of());
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
