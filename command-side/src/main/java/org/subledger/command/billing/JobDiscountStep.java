package org.subledger.command.billing;

import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.DiscountLineFacts;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.AppliedServiceType;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.DiscountKind;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.discount.DiscountCriteriaCheck;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.job.ActivityServiceTime;
import org.subledger.kernel.job.JobDiscount;
import org.subledger.kernel.job.JobDiscountApplied;
import org.subledger.kernel.job.JobState;
import org.subledger.kernel.job.JobStatus;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The job bill's discount step, after rating and before the total: a job is billed once, so each discount is applied
 * at most once, to that bill. The rules, as {@link DiscountStep} states them for subscriptions where they are alike:
 *
 * <ul>
 *   <li><b>Which discounts.</b> The job's APPROVED ad hoc discounts (their definition's criteria checked again on the
 *       job as completed), and every EFFECTIVE auto-apply definition for JOBS valid on the day billed whose criteria
 *       hold: billing term scheme, price plan, the account, the products delivered, and "completed later than
 *       expected" (actual completion after the expected date).</li>
 *   <li><b>Which lines.</b> The job's goods, expenses and one-time services of the discounted products and product
 *       types (none listed: every line) with an amount left above zero; never a discount line.</li>
 *   <li><b>Order and rounding.</b> Percentages by level (level 1 on what the lines charge, each next level on what
 *       the levels before left, two of one level on the same base), then amounts; each take rounded once by
 *       {@code Money}'s rule. Free periods give nothing on a one-off bill (definitions for jobs have none).</li>
 *   <li><b>Amount.</b> Taken from the discounted lines in line order, none below zero; <b>the part no line can
 *       absorb is forfeited</b>, as on a subscription's bill.</li>
 * </ul>
 */
final class JobDiscountStep {

    private final JobState job;
    private final BillingAccount account;
    private final BillingCatalog catalog;
    private final LocalDate on;
    private final Map<Integer, Money> left = new LinkedHashMap<>();
    private final Map<Integer, List<String>> notes = new LinkedHashMap<>();
    private final List<Given> given = new ArrayList<>();

    /** The lines with the discount lines after them, and the applications to record with the bill (no bill id yet). */
    record Result(List<BillLine> lines, List<JobDiscountApplied> applications) {
    }

    private record Candidate(String discountId, AdditiveDiscountDefinition definition, DiscountValue value,
                             boolean auto) {

        int order() {
            return DiscountLines.order(value);
        }
    }

    private record Given(Candidate discount, List<String> criteria, Map<Integer, Money> takes) {
    }

    private JobDiscountStep(JobState job, BillingAccount account, BillingCatalog catalog, LocalDate on) {
        this.job = job;
        this.account = account;
        this.catalog = catalog;
        this.on = on;
    }

    /**
     * The job billed on {@code on} (its completion date; a preview's day before it is completed).
     * {@code autoApply}: the catalog's EFFECTIVE auto-apply definitions for JOBS.
     */
    static Result apply(List<BillLine> numbered, JobState job, BillingAccount account, BillingCatalog catalog,
                        LocalDate on, List<AdditiveDiscountDefinition> autoApply) {
        return new JobDiscountStep(job, account, catalog, on).run(numbered, autoApply);
    }

    private Result run(List<BillLine> numbered, List<AdditiveDiscountDefinition> autoApply) {
        List<Candidate> candidates = candidates(autoApply);
        if (candidates.isEmpty() || numbered.isEmpty()) {
            return new Result(numbered, List.of());
        }
        numbered.forEach(line -> left.put(line.lineNo(), line.amount()));
        var facts = facts(numbered);
        int i = 0;
        while (i < candidates.size()) {
            int order = candidates.get(i).order();
            Map<Integer, Money> base = new LinkedHashMap<>(left);
            for (; i < candidates.size() && candidates.get(i).order() == order; i++) {
                Candidate candidate = candidates.get(i);
                var outcome = DiscountCriteriaCheck.checkJob(candidate.definition().criteria(), facts, false);
                List<BillLine> lines = numbered.stream().filter(line -> discounts(candidate, line)).toList();
                if (outcome.holds() && !lines.isEmpty()) {
                    List<String> criteria = new ArrayList<>(outcome.held());
                    if (!candidate.auto()) {
                        criteria.add(0, "ad hoc discount approved");
                    }
                    take(candidate, lines, base, criteria);
                }
            }
        }
        return result(numbered);
    }

    private List<Candidate> candidates(List<AdditiveDiscountDefinition> autoApply) {
        List<Candidate> candidates = new ArrayList<>();
        for (JobDiscount discount : job.discounts().values()) {
            if (discount.status() != DiscountStatus.APPROVED || discount.value() == null) {
                continue;
            }
            var definition = catalog.additiveDiscount(discount.definitionCode()).orElseThrow(() ->
                    LineRater.notFound("additive discount " + discount.definitionCode() + " not found"));
            candidates.add(new Candidate(discount.discountId(), definition, discount.value(), false));
        }
        for (AdditiveDiscountDefinition definition : autoApply) {
            if (definition.validity().contains(on)) {
                candidates.add(new Candidate("auto:" + definition.code(), definition, definition.discount(), true));
            }
        }
        candidates.removeIf(candidate -> candidate.value().kind() == DiscountKind.FREE_PERIOD);
        candidates.sort(Comparator.comparingInt(Candidate::order));
        return candidates;
    }

    /**
     * The job as completed: its terms, account, what it delivered and whether it was late (a preview of a job not
     * completed yet: whether it would be, completed on the day previewed).
     */
    private DiscountCriteriaCheck.JobFacts facts(List<BillLine> numbered) {
        Set<String> products = new LinkedHashSet<>();
        numbered.forEach(line -> products.add(line.productCode()));
        job.activities().forEach(activity -> activity.services().stream().map(ActivityServiceTime::productCode)
                .forEach(products::add));
        return new DiscountCriteriaCheck.JobFacts(job.billingTermSchemeCode(), false, job.pricePlanCode(), products,
                account.conditionFacts().get(ConditionAttribute.ACCOUNT_CLASSIFICATION),
                account.conditionFacts().get(ConditionAttribute.ACCOUNT_CREDIT_RATING),
                job.status() == JobStatus.COMPLETED ? job.late() : on.isAfter(job.expectedCompletion()));
    }

    private boolean discounts(Candidate candidate, BillLine line) {
        AppliedServiceType applied = candidate.definition().appliedServiceType();
        if (line.kind() != BillLineKind.ONE_OFF || applied == AppliedServiceType.USAGE
                || !left.get(line.lineNo()).isPositive()) {
            return false;
        }
        var products = candidate.definition().discountedProducts();
        if (products.bundleProductCode() != null) {
            return false; // a job sells no flexible bundle
        }
        if (products.productCodes().isEmpty() && products.productTypeCodes().isEmpty()) {
            return true;
        }
        return products.productCodes().contains(line.productCode()) || catalog.product(line.productCode())
                .map(product -> products.productTypeCodes().contains(product.productTypeCode())).orElse(false);
    }

    private void take(Candidate candidate, List<BillLine> lines, Map<Integer, Money> base, List<String> criteria) {
        Map<Integer, Money> takes = new LinkedHashMap<>();
        if (candidate.value().kind() == DiscountKind.PERCENTAGE) {
            BigDecimal share = candidate.value().percentage().movePointLeft(2);
            lines.forEach(line -> take(takes, line, base.get(line.lineNo()).times(share)));
        } else {
            Money amount = candidate.value().amount();
            for (BillLine line : lines) {
                amount = amount.minus(take(takes, line, amount));
            }
        }
        if (!takes.isEmpty()) {
            given.add(new Given(candidate, List.copyOf(criteria), takes));
            takes.forEach((lineNo, taken) -> notes.computeIfAbsent(lineNo, key -> new ArrayList<>())
                    .add(candidate.definition().code() + " -" + taken.amount().toPlainString()));
        }
    }

    private Money take(Map<Integer, Money> takes, BillLine line, Money wanted) {
        return DiscountLines.take(left, takes, line, wanted);
    }

    private Result result(List<BillLine> numbered) {
        List<BillLine> lines = new ArrayList<>();
        for (BillLine line : numbered) {
            List<String> discounted = notes.get(line.lineNo());
            lines.add(discounted == null ? line : DiscountLines.withDiscounts(line, discounted));
        }
        List<JobDiscountApplied> applications = new ArrayList<>();
        for (Given g : given) {
            String code = g.discount().definition().code();
            Money amount = g.takes().values().stream().reduce(Money::plus).orElseThrow();
            List<String> discounted = g.takes().keySet().stream()
                    .map(lineNo -> lineNo + " " + numbered.get(lineNo - 1).productCode()).toList();
            applications.add(new JobDiscountApplied(job.jobId(), g.discount().discountId(), code, null, on, amount,
                    discounted, g.criteria()));
            String value = describe(g.discount().value());
            List<String> facts = List.of("definition " + code, "value " + value,
                    "lines " + String.join(", ", discounted),
                    "criteria " + (g.criteria().isEmpty() ? "none" : String.join("; ", g.criteria())),
                    DiscountLineFacts.application(1, " of 1 (a job is billed once)"));
            BillLine first = numbered.get(g.takes().keySet().iterator().next() - 1);
            lines.add(DiscountLines.line(lines.size() + 1, code, g.discount().discountId(),
                    "Discount " + code + ": " + value, first.from(), first.to(), g.takes(), numbered, amount,
                    account.currency(), g.discount().value().kind().name(), facts));
        }
        return new Result(lines, applications);
    }

    private static String describe(DiscountValue value) {
        return value.kind() == DiscountKind.AMOUNT
                ? value.amount().amount().toPlainString() + " " + value.amount().currency() + " off the job"
                : DiscountStep.describe(value);
    }
}
