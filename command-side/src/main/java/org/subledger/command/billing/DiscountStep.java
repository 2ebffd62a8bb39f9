package org.subledger.command.billing;

import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.DiscountLineFacts;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.AppliedServiceType;
import org.subledger.kernel.catalog.ApplicationLimit;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.DiscountCriteria;
import org.subledger.kernel.catalog.DiscountDuration;
import org.subledger.kernel.catalog.DiscountKind;
import org.subledger.kernel.catalog.MonthRange;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.DiscountedProducts;
import org.subledger.kernel.catalog.TimeSpan;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.discount.DiscountCriteriaCheck;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.discount.SubscriptionDiscount;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingEngine;
import org.subledger.kernel.subscription.BoughtPeriod;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.UsageTally;
import org.subledger.kernel.usage.UsageRecorded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The calculator's discount step, after rating and before the bill's total: which additive discounts a bill's lines
 * get, and how much. The one place that states the rules:
 *
 * <ul>
 *   <li><b>Which discounts.</b> The subscription's APPROVED ad hoc discounts, for billing periods starting from their
 *       {@code startsOn} through their {@code endsOn} (and before their removal); and every EFFECTIVE auto-apply
 *       definition for subscriptions whose validity holds on the period's start (for a new application), whose
 *       duration runs then, and whose criteria hold for the subscription at that period: its billing terms, products
 *       and account as they stand when it is billed, and the buy-in-advance months of the bought period the billing
 *       period lies in. Usage totals per unit of time count back from the billing date the usage billed before (the
 *       stream state's per-day tally) and this bill's own.</li>
 *   <li><b>Which lines.</b> Termed service lines (RECURRING) when the definition applies to NON_USAGE or BOTH, usage
 *       lines when to USAGE or BOTH; of the discounted products and product types (none listed: every product); with
 *       an amount left above zero. Credits, one-off charges and discount lines are never discounted. A line belongs
 *       to the billing period holding its start. A definition that discounts products only as components of a
 *       flexible bundle takes only from the bundle's line, and at most their share of it ({@link #share}): a
 *       percentage of the share, an amount up to the share, the free part of the share.</li>
 *   <li><b>Order.</b> Free periods first; then percentages by level: level 1 on what the lines charge, each next level
 *       on what the levels before left, two of one level both on the same base; then amounts, on what is left.</li>
 *   <li><b>Free period.</b> N days, weeks, months or years not charged, from the start of the first discounted line
 *       it reaches: a line's free part is its share of whole months of its billing period when the free time falls
 *       on month boundaries of it (2 free months of a year: 2/12), else its share of days.</li>
 *   <li><b>Amount.</b> Given once per billing period, taken from the period's discounted lines on the bill in line
 *       order, none below zero. <b>The part no line can absorb is forfeited</b>: it is not carried to other lines,
 *       another period or a later bill, and a later bill of an already discounted period gets no second amount.</li>
 *   <li><b>Rounding.</b> Each take from a line is rounded once, half-up at the currency's scale; its tax part at the
 *       line's tax rate ({@link Proration#taxPart}).</li>
 *   <li><b>Counting.</b> An application is one billing period (a free period: one free span, however many periods
 *       and bills it covers). A period already discounted by an earlier bill (a usage bill, then the run's) continues
 *       that application; a new one needs the limit to allow it: at most {@code times} per calendar day, ISO week,
 *       month or year of its start, or in all. A re-run bills no line twice, so it gives no discount twice.</li>
 * </ul>
 */
final class DiscountStep {

    private final BillingState state;
    private final BillingAccount account;
    private final BillingCatalog catalog;
    private final LocalDate anchor;
    private final int months;
    private final LocalDate billingDate;
    private final Map<Integer, Money> left = new LinkedHashMap<>();
    private final Map<Integer, List<String>> notes = new LinkedHashMap<>();
    private final List<Given> given = new ArrayList<>();
    private DiscountCriteriaCheck.Facts facts;
    /** Criteria without a maturity, checked once for the bill: their outcome is the same on every day. */
    private Map<DiscountCriteria, DiscountCriteriaCheck.Outcome> checkedOnce;
    private Map<Candidate, Texts> texts;
    private List<String> lastCriteria;
    private String lastCriteriaFact;
    private Map<String, UsageRecorded> usageRecords;
    /** The usage this bill bills (its usage lines' records), which usage totals count with the usage billed before. */
    private final List<UsageRecorded> billUsage = new ArrayList<>();

    private DiscountStep(BillingState state, BillingAccount account, BillingCatalog catalog, LocalDate billingDate) {
        this.state = state;
        this.account = account;
        this.catalog = catalog;
        this.billingDate = billingDate;
        this.anchor = state.billingAnchor();
        this.months = state.billingTerms().billingFrequency().months();
    }

    /** The lines with their discount lines after them, and the applications to record with the bill. */
    record Result(List<BillLine> lines, List<DiscountApplied> applications) {
    }

    /** One application on this bill: what it took from which lines. */
    private record Given(Candidate discount, int number, LocalDate from, LocalDate to, List<String> criteria,
                         Map<Integer, Money> takes) {
    }

    /** A discount that may reach the bill, with its applications so far (the stream's, then this bill's). */
    private record Candidate(String discountId, String definitionCode, DiscountValue value,
                             AdditiveDiscountDefinition definition, ApplicationLimit limit, LocalDate startsOn,
                             LocalDate endsOn, LocalDate removedOn, List<DiscountApplied> earlier) {

        boolean auto() {
            return definition.type() == DiscountType.AUTO_APPLY;
        }

        /** Free periods, then percentage levels 1-3, then amounts. */
        int order() {
            return DiscountLines.order(value);
        }
    }

    /** Numbered lines (from 1, in order) in, the same lines plus one discount line per application out. */
    static Result apply(List<BillLine> numbered, BillingState state, BillingAccount account, BillingCatalog catalog,
                        LocalDate billingDate) {
        return new DiscountStep(state, account, catalog, billingDate).run(numbered);
    }

    private Result run(List<BillLine> numbered) {
        List<Candidate> candidates = candidates();
        if (candidates.isEmpty() || numbered.isEmpty()) {
            return new Result(numbered, List.of());
        }
        for (BillLine line : numbered) {
            left.put(line.lineNo(), line.amount());
            if (line.kind() == BillLineKind.USAGE) {
                UsageRecorded record = usageRecord(line.reference());
                if (record != null) {
                    billUsage.add(record);
                }
            }
        }
        int i = 0;
        while (i < candidates.size()) {
            // one level at a time: two percentages of one level take from the same base
            int order = candidates.get(i).order();
            Map<Integer, Money> base = new LinkedHashMap<>(left);
            for (; i < candidates.size() && candidates.get(i).order() == order; i++) {
                Candidate candidate = candidates.get(i);
                List<BillLine> lines = new ArrayList<>();
                for (BillLine line : numbered) {
                    if (discounts(candidate, line)) {
                        lines.add(line);
                    }
                }
                if (!lines.isEmpty()) {
                    if (candidate.value().kind() == DiscountKind.FREE_PERIOD) {
                        freePeriod(candidate, lines);
                    } else {
                        perPeriod(candidate, lines, base);
                    }
                }
            }
        }
        return result(numbered);
    }

    private List<Candidate> candidates() {
        List<Candidate> candidates = new ArrayList<>();
        Map<String, SubscriptionDiscount> discounts = state.stream().discounts();
        for (SubscriptionDiscount discount : discounts.values()) {
            if (discount.type() != DiscountType.AD_HOC || discount.value() == null
                    || (discount.status() != DiscountStatus.APPROVED && discount.status() != DiscountStatus.REMOVED)) {
                continue;
            }
            var definition = catalog.additiveDiscount(discount.definitionCode())
                    .orElseThrow(() -> LineRater.notFound("additive discount " + discount.definitionCode()
                            + " not found"));
            candidates.add(new Candidate(discount.discountId(), discount.definitionCode(), discount.value(),
                    definition, discount.applicationLimit(), discount.startsOn(), discount.endsOn(),
                    discount.status() == DiscountStatus.REMOVED ? removedOn(discount) : null,
                    discount.applications()));
        }
        for (AdditiveDiscountDefinition definition : catalog.autoApplyDiscounts()) {
            if (cannotHold(definition)) {
                continue; // it would be in force for no period of this bill: inForce(...) is empty for each
            }
            String id = "auto:" + definition.code();
            SubscriptionDiscount earlier = discounts.get(id);
            LocalDate start = start(definition.duration());
            // an auto-apply discount taken off the subscription stays off from its removal date
            LocalDate removed = earlier != null && earlier.status() == DiscountStatus.REMOVED ? removedOn(earlier)
                    : null;
            candidates.add(new Candidate(id, definition.code(), definition.discount(), definition,
                    definition.applicationLimit(), start, end(definition.duration(), start), removed,
                    earlier == null ? List.of() : earlier.applications()));
        }
        candidates.sort(Comparator.comparingInt(Candidate::order));
        return candidates;
    }

    /**
     * Whether an auto-apply definition's criteria fail for every period of this subscription's bill, told without
     * working out a period or describing a section: a section that does not depend on the day fails
     * ({@link DiscountCriteriaCheck#mayHold}), or it asks for a buy-in-advance duration and nothing was bought.
     * Such a definition gives nothing, new or continued, since {@link #inForce} checks the criteria for both; leaving
     * it out changes no amount (issue 12: the sample catalog's four auto-apply definitions were worked out for every
     * subscription of a bill run, each period described, to give nothing).
     */
    private boolean cannotHold(AdditiveDiscountDefinition definition) {
        DiscountCriteria criteria = definition.criteria();
        if (criteria != null && !criteria.buyInAdvanceDurations().isEmpty()
                && state.stream().boughtPeriods().isEmpty()) {
            return true;
        }
        return !DiscountCriteriaCheck.mayHold(criteria, facts());
    }

    /** No period starting on or after the removal date gets it (removed without a date: none at all). */
    private static LocalDate removedOn(SubscriptionDiscount discount) {
        return discount.removedOn() == null ? LocalDate.MIN : discount.removedOn();
    }

    private LocalDate start(DiscountDuration duration) {
        if (duration == null || duration.start() == null) {
            return null;
        }
        return switch (duration.start()) {
            case AGREEMENT_DATE -> {
                BillingTerms terms = state.billingTerms();
                yield terms.agreementDate() != null ? terms.agreementDate() : state.stream().createdOn();
            }
            // a service's effective date: its lines start there anyway; the date added: an auto-apply discount is
            // added by its first application
            case SERVICE_EFFECTIVE_DATE, DATE_ADDED -> null;
        };
    }

    /** The last day (inclusive) the duration runs, or null: indefinitely. */
    private static LocalDate end(DiscountDuration duration, LocalDate start) {
        if (duration == null) {
            return null;
        }
        if (duration.endDate() != null) {
            return duration.endDate();
        }
        return duration.period() != null && start != null ? plus(start, duration.period()).minusDays(1) : null;
    }

    /** Whether the discount reduces this line: its kind, product and what is left of it. */
    private boolean discounts(Candidate candidate, BillLine line) {
        AppliedServiceType applied = candidate.definition().appliedServiceType() == null ? AppliedServiceType.BOTH
                : candidate.definition().appliedServiceType();
        boolean kind = switch (line.kind()) {
            case RECURRING -> applied != AppliedServiceType.USAGE;
            case USAGE -> applied != AppliedServiceType.NON_USAGE;
            default -> false;
        };
        if (!kind || !left.get(line.lineNo()).isPositive()) {
            return false;
        }
        var usage = candidate.definition().criteria().usage();
        if (usage != null && line.kind() == BillLineKind.USAGE) {
            UsageRecorded record = usageRecord(line.reference());
            String type = catalog.product(record == null ? "" : record.productCode())
                    .map(product -> product.productTypeCode()).orElse(null);
            if (record == null || !usage.admits(record.usageCatalogCode(), type, record.relatedServiceCode(),
                    record.usedAt())) {
                return false;
            }
        }
        var products = candidate.definition().discountedProducts();
        if (products.bundleProductCode() != null) {
            return share(candidate, line).signum() > 0;
        }
        return listed(products, line.productCode());
    }

    /** Whether a product is one of the discounted products or product types (none listed: every product). */
    private boolean listed(DiscountedProducts products, String productCode) {
        if (products.productCodes().isEmpty() && products.productTypeCodes().isEmpty()) {
            return true;
        }
        return products.productCodes().contains(productCode) || catalog.product(productCode)
                .map(product -> products.productTypeCodes().contains(product.productTypeCode())).orElse(false);
    }

    /**
     * The part of a line the discount may take from: all of it, unless the definition discounts products only as
     * components of a flexible bundle. A bundle is billed as one line at the bundle's own rate; the discounted
     * components' share of it is their own rates in the line's price plan (one unit each, in force on the line's
     * start) over the rates of all the bundle's components, or, when a component has no rate of its own, their
     * number over the number of components. Zero for any other line, or a bundle without the components.
     */
    private BigDecimal share(Candidate candidate, BillLine line) {
        var products = candidate.definition().discountedProducts();
        if (products.bundleProductCode() == null) {
            return BigDecimal.ONE;
        }
        var bundle = state.stream().services().get(line.productCode());
        if (line.kind() != BillLineKind.RECURRING || !products.bundleProductCode().equals(line.productCode())
                || bundle == null || bundle.components().isEmpty()) {
            return BigDecimal.ZERO;
        }
        String plan = line.explanation() != null && line.explanation().pricePlanCode() != null
                ? line.explanation().pricePlanCode() : state.billingTerms().pricePlanCode();
        BigDecimal all = BigDecimal.ZERO;
        BigDecimal discounted = BigDecimal.ZERO;
        int listed = 0;
        boolean priced = true;
        for (String component : bundle.components()) {
            boolean chosen = listed(products, component);
            listed += chosen ? 1 : 0;
            var price = catalog.rateInForce(plan, component, line.from())
                    .map(rate -> RatingEngine.rate(rate, 1).amount().amount());
            priced &= price.isPresent();
            all = all.add(price.orElse(BigDecimal.ZERO));
            discounted = discounted.add(chosen ? price.orElse(BigDecimal.ZERO) : BigDecimal.ZERO);
        }
        if (priced && all.signum() > 0) {
            return discounted.divide(all, 10, java.math.RoundingMode.HALF_UP);
        }
        return BigDecimal.valueOf(listed).divide(BigDecimal.valueOf(bundle.components().size()), 10,
                java.math.RoundingMode.HALF_UP);
    }

    /** The unbilled usage record a usage line bills (its reference), or null. */
    private UsageRecorded usageRecord(String recordId) {
        if (usageRecords == null) {
            usageRecords = new java.util.HashMap<>();
            state.stream().unbilledUsage().forEach(record -> usageRecords.put(record.recordId(), record));
        }
        return usageRecords.get(recordId);
    }

    /** The criteria that held for the period starting on {@code day}, or empty when the discount is not in force. */
    private Optional<List<String>> inForce(Candidate candidate, LocalDate day, boolean newApplication) {
        if (candidate.startsOn() != null && day.isBefore(candidate.startsOn())
                || candidate.endsOn() != null && day.isAfter(candidate.endsOn())
                || candidate.removedOn() != null && !day.isBefore(candidate.removedOn())) {
            return Optional.empty();
        }
        if (!candidate.auto()) {
            return Optional.of(List.of("ad hoc discount approved"));
        }
        if (newApplication && !candidate.definition().validity().contains(day)) {
            return Optional.empty();
        }
        var checked = checked(candidate.definition().criteria(), day);
        if (!checked.holds()) {
            return Optional.empty();
        }
        // usage criteria select lines (discounts(...)); the bill names them with the sections that held
        var usage = candidate.definition().criteria().usage();
        List<MonthRange> durations = candidate.definition().criteria().buyInAdvanceDurations();
        if (usage == null && durations.isEmpty()) {
            return Optional.of(checked.held()); // immutable already
        }
        List<String> held = new ArrayList<>(checked.held());
        if (usage != null) {
            held.add(usage.describe());
            if (!usageTotalsHold(usage, held)) {
                return Optional.empty();
            }
        }
        // buy-in-advance durations are billing's to check: the months of the bought period the day lies in
        if (durations.isEmpty()) {
            return Optional.of(List.copyOf(held));
        }
        Integer bought = state.stream().boughtPeriods().stream().filter(period -> period.contains(day))
                .map(BoughtPeriod::months).findFirst().orElse(null);
        return durations.stream().filter(range -> bought != null && bought >= range.minMonths()
                        && bought <= range.maxMonths()).findFirst()
                .map(range -> {
                    List<String> withDuration = new ArrayList<>(held);
                    withDuration.add("buy-in-advance duration " + range.minMonths() + "-" + range.maxMonths()
                            + " months");
                    return withDuration;
                });
    }

    /**
     * The criteria checked for the period starting on {@code day}: maturity is the subscription's on the period's
     * first day; criteria without a maturity do not depend on the day, so they are checked (and their sections
     * described) once per bill, not once per period.
     */
    private DiscountCriteriaCheck.Outcome checked(DiscountCriteria criteria, LocalDate day) {
        if (criteria != null && criteria.maturity() != null) {
            return DiscountCriteriaCheck.check(criteria, facts().on(day), false);
        }
        if (checkedOnce == null) {
            checkedOnce = new java.util.IdentityHashMap<>();
        }
        var outcome = checkedOnce.get(criteria);
        if (outcome == null) {
            outcome = DiscountCriteriaCheck.check(criteria, facts().on(day), false);
            checkedOnce.put(criteria, outcome);
        }
        return outcome;
    }

    /** Whether the subscription's usage totals fall in the criteria's ranges; adds those that held to {@code held}. */
    private boolean usageTotalsHold(DiscountCriteria.UsageCriteria usage, List<String> held) {
        if (usage.totalQuantity() != null) {
            UsageTally tally = usageIn(usage.totalQuantity());
            BigDecimal records = BigDecimal.valueOf(tally == null ? 0 : tally.records());
            if (!usage.totalQuantity().holds(records)) {
                return false;
            }
            held.add("usage records " + usage.totalQuantity().describe() + " (" + records + ")");
        }
        if (usage.totalUsage() != null) {
            UsageTally tally = usageIn(usage.totalUsage());
            BigDecimal amount = tally == null ? Money.zero(account.currency()).amount() : tally.amount().amount();
            if (!usage.totalUsage().holds(amount)) {
                return false;
            }
            held.add("usage amount " + usage.totalUsage().describe() + " (" + amount.toPlainString() + ")");
        }
        return true;
    }

    /** The subscription's usage in the total's unit of time back from the billing date: billed before, and now. */
    private UsageTally usageIn(DiscountCriteria.UsageTotal total) {
        LocalDate after = total.before(billingDate);
        UsageTally tally = state.stream().billedUsage(after, billingDate);
        for (UsageRecorded record : billUsage) {
            LocalDate used = record.usedAt().toLocalDate();
            if (after == null || used.isAfter(after) && !used.isAfter(billingDate)) {
                tally = new UsageTally(1, record.amount()).plus(tally);
            }
        }
        return tally;
    }

    /** The subscription's facts the criteria look at, as it stands when billed (flexible pricing: ad hoc only). */
    private DiscountCriteriaCheck.Facts facts() {
        if (facts != null) {
            return facts;
        }
        BillingTerms terms = state.billingTerms();
        Integer binding = terms.bindingStartDate() != null && terms.bindingEndDate() != null
                ? (int) ChronoUnit.MONTHS.between(terms.bindingStartDate(), terms.bindingEndDate()) : null;
        // "" for a fact not known: the check's immutable lists refuse to be asked whether they contain null
        facts = new DiscountCriteriaCheck.Facts(known(terms.billingTermSchemeCode()), false, terms.billingFrequency(),
                binding, known(state.subscriptionTypeCode()), known(terms.pricePlanCode()),
                state.stream().services().keySet(),
                known(account.conditionFacts().get(ConditionAttribute.ACCOUNT_CLASSIFICATION)),
                known(account.conditionFacts().get(ConditionAttribute.ACCOUNT_CREDIT_RATING)),
                state.stream().activatedOn(), state.stream().interruptions(), null);
        return facts;
    }

    private static String known(String fact) {
        return fact == null ? "" : fact;
    }

    /** An amount or a percentage: one application per billing period of the lines. */
    private void perPeriod(Candidate candidate, List<BillLine> lines, Map<Integer, Money> base) {
        TreeMap<LocalDate, List<BillLine>> byPeriod = new TreeMap<>();
        lines.forEach(line -> byPeriod.computeIfAbsent(periodStart(line.from()), key -> new ArrayList<>()).add(line));
        for (var period : byPeriod.entrySet()) {
            LocalDate start = period.getKey();
            Integer number = numberCovering(candidate, start);
            if (number != null && candidate.value().kind() == DiscountKind.AMOUNT) {
                continue; // given in full to this period already: what was not absorbed then is forfeited
            }
            var criteria = inForce(candidate, start, number == null);
            if (criteria.isEmpty() || number == null && (number = nextNumber(candidate, start)) == null) {
                continue;
            }
            Map<Integer, Money> takes = new LinkedHashMap<>();
            if (candidate.value().kind() == DiscountKind.PERCENTAGE) {
                BigDecimal share = candidate.value().percentage().movePointLeft(2);
                for (BillLine line : period.getValue()) {
                    take(takes, line, base.get(line.lineNo()).times(share.multiply(share(candidate, line))));
                }
            } else {
                Money amount = candidate.value().amount();
                for (BillLine line : period.getValue()) {
                    Money part = line.amount().times(share(candidate, line));
                    Money taken = take(takes, line, amount.isGreaterThan(part) ? part : amount);
                    amount = amount.minus(taken);
                }
            }
            // from the period's first line on this bill: a later bill of the period (usage) starts after the run's
            LocalDate from = null;
            for (BillLine line : period.getValue()) {
                if (takes.containsKey(line.lineNo()) && (from == null || line.from().isBefore(from))) {
                    from = line.from();
                }
            }
            if (from == null) {
                from = start;
            }
            record(candidate, number, from, periodEnd(start), criteria.get(), takes);
        }
    }

    /** A free span: the one in progress (from an earlier bill), else a new one from the first line it reaches. */
    private void freePeriod(Candidate candidate, List<BillLine> lines) {
        TimeSpan span = candidate.value().freePeriod();
        Integer number = null;
        LocalDate from = null;
        for (DiscountApplied earlier : applications(candidate)) {
            LocalDate spanStart = spanStart(candidate, earlier.applicationNumber());
            if (plus(spanStart, span).isAfter(lines.get(0).from())) {
                number = earlier.applicationNumber();
                from = spanStart;
            }
        }
        List<String> criteria = null;
        if (number == null) {
            for (BillLine line : lines) {
                var held = inForce(candidate, periodStart(line.from()), true);
                if (held.isPresent()) {
                    number = nextNumber(candidate, line.from());
                    from = line.from();
                    criteria = held.get();
                    break;
                }
            }
        } else {
            criteria = inForce(candidate, periodStart(lines.get(0).from()), false).orElse(null);
        }
        if (number == null || criteria == null) {
            return;
        }
        LocalDate to = plus(from, span);
        Map<Integer, Money> takes = new LinkedHashMap<>();
        LocalDate coveredFrom = null;
        LocalDate coveredTo = null;
        for (BillLine line : lines) {
            LocalDate a = line.from().isAfter(from) ? line.from() : from;
            LocalDate b = line.to().isBefore(to) ? line.to() : to;
            if (!b.isAfter(a)) {
                continue;
            }
            take(takes, line, freePart(line, a, b).times(share(candidate, line)));
            coveredFrom = coveredFrom == null || a.isBefore(coveredFrom) ? a : coveredFrom;
            coveredTo = coveredTo == null || b.isAfter(coveredTo) ? b : coveredTo;
        }
        if (coveredFrom != null) {
            record(candidate, number, coveredFrom, coveredTo, criteria, takes);
        }
    }

    /**
     * What a line charges for [a, b) of it: its full-period amount's share of whole months of its billing period
     * when a and b fall on month boundaries of the period, else the line amount's share of days.
     */
    private Money freePart(BillLine line, LocalDate a, LocalDate b) {
        LocalDate periodStart = periodStart(line.from());
        Money periodAmount = line.explanation() != null && line.explanation().periodAmount() != null
                ? line.explanation().periodAmount() : line.amount();
        long first = monthsFrom(periodStart, a);
        long last = monthsFrom(periodStart, b);
        if (first >= 0 && last >= 0) {
            return Proration.prorate(periodAmount, last - first, months);
        }
        return Proration.prorate(line.amount(), ChronoUnit.DAYS.between(a, b),
                ChronoUnit.DAYS.between(line.from(), line.to()));
    }

    /** The whole months from the period start to the day, or -1 when the day is not on a month boundary of it. */
    private static long monthsFrom(LocalDate periodStart, LocalDate day) {
        long whole = ChronoUnit.MONTHS.between(periodStart, day);
        return periodStart.plusMonths(whole).equals(day) ? whole : -1;
    }

    private Money take(Map<Integer, Money> takes, BillLine line, Money wanted) {
        return DiscountLines.take(left, takes, line, wanted);
    }

    private void record(Candidate candidate, int number, LocalDate from, LocalDate to, List<String> criteria,
                        Map<Integer, Money> takes) {
        if (takes.isEmpty()) {
            return;
        }
        given.add(new Given(candidate, number, from, to, criteria, takes));
        takes.forEach((lineNo, taken) -> notes.computeIfAbsent(lineNo, key -> new ArrayList<>())
                .add(candidate.definitionCode() + " -" + taken.amount().toPlainString()));
    }

    /** The number of the application that already gave the discount to the billing period starting then, if any. */
    private Integer numberCovering(Candidate candidate, LocalDate periodStart) {
        LocalDate periodEnd = periodEnd(periodStart);
        for (DiscountApplied applied : candidate.earlier()) {
            if (!applied.periodStart().isBefore(periodStart) && applied.periodStart().isBefore(periodEnd)) {
                return applied.applicationNumber();
            }
        }
        for (Given g : given) {
            if (g.discount().discountId().equals(candidate.discountId()) && !g.from().isBefore(periodStart)
                    && g.from().isBefore(periodEnd)) {
                return g.number();
            }
        }
        return null;
    }

    /** The next application's number, or null when the limit allows no other in the window holding the day. */
    private Integer nextNumber(Candidate candidate, LocalDate day) {
        ApplicationLimit limit = candidate.limit();
        if (limit == null) {
            int max = 0;
            for (DiscountApplied applied : candidate.earlier()) {
                max = Math.max(max, applied.applicationNumber());
            }
            for (Given g : given) {
                if (g.discount().discountId().equals(candidate.discountId())) {
                    max = Math.max(max, g.number());
                }
            }
            return max + 1;
        }
        List<DiscountApplied> applications = applications(candidate);
        long used = applications.stream().map(DiscountApplied::applicationNumber).distinct()
                .filter(number -> limit.per() == null
                        || window(spanStart(candidate, number), limit).equals(window(day, limit)))
                .count();
        if (used >= limit.times()) {
            return null;
        }
        return applications.stream().mapToInt(DiscountApplied::applicationNumber).max().orElse(0) + 1;
    }

    /** The calendar day, ISO week, month or year a day is in, as a comparable key. */
    private static String window(LocalDate day, ApplicationLimit limit) {
        return switch (limit.per()) {
            case DAYS -> day.toString();
            case WEEKS -> day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case MONTHS -> day.getYear() + "-" + day.getMonthValue();
            case YEARS -> String.valueOf(day.getYear());
        };
    }

    /** Where an application started: its earliest period start. */
    private LocalDate spanStart(Candidate candidate, int number) {
        return applications(candidate).stream().filter(applied -> applied.applicationNumber() == number)
                .map(DiscountApplied::periodStart).min(LocalDate::compareTo).orElseThrow();
    }

    /** The stream's applications of the discount and this bill's so far. */
    private List<DiscountApplied> applications(Candidate candidate) {
        List<DiscountApplied> all = null;
        for (Given g : given) {
            if (g.discount().discountId().equals(candidate.discountId())) {
                if (all == null) {
                    all = new ArrayList<>(candidate.earlier());
                }
                all.add(applied(g, null));
            }
        }
        return all == null ? candidate.earlier() : all;
    }

    private LocalDate periodStart(LocalDate day) {
        return Proration.boundary(anchor, months, Proration.periodIndex(anchor, months, day));
    }

    private LocalDate periodEnd(LocalDate periodStart) {
        return Proration.boundary(anchor, months, Proration.periodIndex(anchor, months, periodStart) + 1);
    }

    private static LocalDate plus(LocalDate day, TimeSpan span) {
        return switch (span.unit()) {
            case DAYS -> day.plusDays(span.count());
            case WEEKS -> day.plusWeeks(span.count());
            case MONTHS -> day.plusMonths(span.count());
            case YEARS -> day.plusYears(span.count());
        };
    }

    private Result result(List<BillLine> numbered) {
        List<BillLine> lines = new ArrayList<>();
        for (BillLine line : numbered) {
            List<String> discounted = notes.get(line.lineNo());
            lines.add(discounted == null ? line : DiscountLines.withDiscounts(line, discounted));
        }
        List<DiscountApplied> applications = new ArrayList<>();
        for (Given g : given) {
            DiscountApplied applied = applied(g, numbered);
            applications.add(applied);
            lines.add(discountLine(lines.size() + 1, g, applied, numbered));
        }
        return new Result(lines, applications);
    }

    /** The application as recorded (the bill's id is the writer's to fill in). */
    private DiscountApplied applied(Given g, List<BillLine> numbered) {
        Money amount = null;
        for (Money taken : g.takes().values()) {
            amount = amount == null ? taken : amount.plus(taken);
        }
        if (amount == null) {
            throw new java.util.NoSuchElementException("an application takes from at least one line");
        }
        List<String> lines;
        if (numbered == null) {
            lines = List.of();
        } else {
            lines = new ArrayList<>(g.takes().size());
            for (Integer lineNo : g.takes().keySet()) {
                lines.add(lineNo + " " + numbered.get(lineNo - 1).productCode());
            }
        }
        return new DiscountApplied(state.subscriptionId(), g.discount().discountId(), g.discount().definitionCode(),
                null, g.from(), g.to(), amount, g.number(), lines, g.criteria(), null);
    }

    /** A candidate's texts that do not change between its applications on one bill. */
    private record Texts(String definition, String value, String description, String limit) {
    }

    private Texts texts(Candidate candidate) {
        if (texts == null) {
            texts = new java.util.IdentityHashMap<>();
        }
        return texts.computeIfAbsent(candidate, c -> {
            String value = describe(c.value());
            ApplicationLimit limit = c.limit();
            return new Texts("definition " + c.definitionCode(), "value " + value,
                    "Discount " + c.definitionCode() + ": " + value + " (application ",
                    limit == null ? "" : " of " + limit.times() + (limit.per() == null ? ""
                            : " per " + limit.per().name().toLowerCase().replaceAll("s$", "")));
        });
    }

    private BillLine discountLine(int lineNo, Given g, DiscountApplied applied, List<BillLine> numbered) {
        Texts t = texts(g.discount());
        List<String> facts = new ArrayList<>(5);
        facts.add(t.definition());
        facts.add(t.value());
        facts.add("lines " + String.join(", ", applied.lines()));
        // the periods of a bill share the criteria list when the criteria do not depend on the day (checked(...))
        if (g.criteria() != lastCriteria) {
            lastCriteria = g.criteria();
            lastCriteriaFact = "criteria " + (g.criteria().isEmpty() ? "none" : String.join("; ", g.criteria()));
        }
        facts.add(lastCriteriaFact);
        facts.add(DiscountLineFacts.application(g.number(), t.limit()));
        return DiscountLines.line(lineNo, g.discount().definitionCode(), g.discount().discountId(),
                t.description() + g.number() + ")", g.from(), g.to(), g.takes(), numbered, applied.amount(),
                account.currency(), g.discount().value().kind().name(), facts);
    }

    static String describe(DiscountValue value) {
        return switch (value.kind()) {
            case AMOUNT -> value.amount().amount().toPlainString() + " " + value.amount().currency()
                    + " off per billing period";
            case PERCENTAGE -> value.percentage().stripTrailingZeros().toPlainString() + " % at level "
                    + value.level();
            case FREE_PERIOD -> value.freePeriod().count() + " " + value.freePeriod().unit().name().toLowerCase()
                    + " free";
        };
    }
}
