package org.subledger.command.billing;

import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.LineExplanation;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.job.ActivityServiceTime;
import org.subledger.kernel.job.JobActivity;
import org.subledger.kernel.job.JobExpense;
import org.subledger.kernel.job.JobGood;
import org.subledger.kernel.job.JobState;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.rating.Rating;
import org.subledger.kernel.rating.RatingEngine;
import org.subledger.kernel.rating.TierBasis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Works out a job's one bill, on the date it is billed, in the job's price plan: a good rated by its quantity, an
 * expense once, and each service of an activity by its duration in hours begun (a duration rate's units are hours:
 * 3 hours of installation at 20 for the first hour and 15 for the next ones is 50.00); then the job discounts
 * ({@link JobDiscountStep}), before the total. Pure: it reads the catalog and the auto-apply definitions it is given,
 * nothing else.
 */
final class JobBillCalculator {

    private static final int MINUTES_PER_HOUR = 60;

    private JobBillCalculator() {
    }

    static JobBillDraft bill(JobState job, BillingAccount account, BillingCatalog catalog, LocalDate on,
                             BillingRules rules, List<AdditiveDiscountDefinition> autoApplyDiscounts) {
        var calculator = new Lines(job, account, catalog, on);
        for (JobGood good : job.goods()) {
            calculator.good(good);
        }
        for (JobExpense expense : job.expenses()) {
            calculator.expense(expense);
        }
        for (JobActivity activity : job.activities()) {
            for (ActivityServiceTime service : activity.services()) {
                calculator.service(activity, service);
            }
        }
        var discounted = JobDiscountStep.apply(calculator.lines, job, account, catalog, on,
                autoApplyDiscounts);
        Money total = Money.zero(account.currency());
        Money taxTotal = Money.zero(account.currency());
        for (BillLine line : discounted.lines()) {
            total = total.plus(line.amount());
            taxTotal = taxTotal.plus(line.taxAmount());
        }
        return new JobBillDraft(job.jobId(), job.accountId(), on, job.late(), discounted.lines(), total, taxTotal,
                dueDate(job, catalog, on, rules), discounted.applications());
    }

    /** The payment term of the job's billing term scheme after {@code on}, or the ledger's when it states none. */
    private static LocalDate dueDate(JobState job, BillingCatalog catalog, LocalDate on, BillingRules rules) {
        return rules.dueDate(catalog, job.billingTermSchemeCode(), on);
    }

    /** Hours begun: 61 minutes are two hours. */
    static long hours(int minutes) {
        return (minutes + MINUTES_PER_HOUR - 1) / MINUTES_PER_HOUR;
    }

    private static final class Lines {
        private final JobState job;
        private final BillingAccount account;
        private final BillingCatalog catalog;
        private final LocalDate on;
        private final List<BillLine> lines = new ArrayList<>();

        Lines(JobState job, BillingAccount account, BillingCatalog catalog, LocalDate on) {
            this.job = job;
            this.account = account;
            this.catalog = catalog;
            this.on = on;
        }

        void good(JobGood good) {
            String description = product(good.productCode()).description()
                    + (good.serialNumber() == null ? "" : " (serial number " + good.serialNumber() + ")");
            add(good.productCode(), description, good.quantity(), good.lineId());
        }

        void expense(JobExpense expense) {
            add(expense.productCode(), product(expense.productCode()).description(), 1, expense.lineId());
        }

        void service(JobActivity activity, ActivityServiceTime service) {
            Rate rate = rate(service.productCode());
            long units = rate.basis() == TierBasis.DURATION_HOURS ? hours(service.minutes()) : 1;
            String description = product(service.productCode()).description() + ", " + service.minutes()
                    + " minutes (activity " + activity.activityId() + ", " + activity.activityTypeCode() + ")";
            add(service.productCode(), description, units, activity.activityId() + "/" + service.productCode());
        }

        private void add(String productCode, String description, long units, String reference) {
            Rate rate = rate(productCode);
            Rating rating = RatingEngine.rate(rate, units);
            Money amount = rating.amount();
            if (!amount.currency().equals(account.currency())) {
                throw new LedgerRefusal(ErrorCode.CURRENCY_MISMATCH, "amount " + amount + " of job " + job.jobId()
                        + " is not in the account's currency " + account.currency());
            }
            var explanation = new LineExplanation(job.pricePlanCode(), rate.model().name(), rate.basis().name(),
                    units, rating.explanation(), amount, null, null, null, null, null, List.of());
            ProductDefinition product = product(productCode);
            BigDecimal taxRate = product.taxRatePercent() == null ? BigDecimal.ZERO : product.taxRatePercent();
            lines.add(new BillLine(lines.size() + 1, BillLineKind.ONE_OFF, productCode, description, on, on, units,
                    amount, Proration.taxPart(amount, taxRate), taxRate, reference, explanation));
        }

        private Rate rate(String productCode) {
            return catalog.rateInForce(job.pricePlanCode(), productCode, on).orElseThrow(() ->
                    LineRater.notFound("no rate of product " + productCode + " in price plan "
                            + job.pricePlanCode() + " in force on " + on));
        }

        private ProductDefinition product(String code) {
            return catalog.product(code).orElseThrow(() -> LineRater.notFound("product " + code + " not found"));
        }
    }
}
