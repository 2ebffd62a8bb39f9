package org.subledger.command.billing;

import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.billing.ServiceCharged;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.catalog.BillingTiming;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.usage.OneOffChargeAdded;
import org.subledger.kernel.usage.UsageRecorded;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Works out a subscription's bill on a date, and when it is next due. Pure: no clock, no I/O; the same inputs give
 * the same draft, so a preview and a run agree. Periods, proration and rounding follow {@link Proration}.
 *
 * <p>A RUN bill charges each termed service from where it is charged through up to the coverage end: the end of
 * the period holding the billing date for services billed in advance, its start for services billed in arrears
 * (never past the service's end or the termination date); it credits the unused days of services billed in advance
 * and removed since; and it bills the usage and one-off charges dated up to the billing date. A USAGE bill bills
 * only the unbilled usage, whatever its date. A BUY_IN_ADVANCE bill is a RUN bill whose coverage reaches the end of
 * the period bought in advance (a RUN bill reaches it too while it is unbilled: whichever comes first bills it).
 * Additive discounts come after rating, before the total ({@link DiscountStep}).
 *
 * <p>A deactivated subscription is billed as before: deactivation disconnects the services (typically for debt) but
 * does not end them; only their removal or the subscription's termination does. A service with the CREDIT directive
 * is charged negative amounts, so a later credit of its unused days (minus a negative amount) charges them back.
 */
public final class BillCalculator {

    private BillCalculator() {
    }

    public static Optional<BillDraft> bill(BillingState state, BillingAccount account, BillingCatalog catalog,
                                           LocalDate billingDate, BillKind kind, BillingRules rules) {
        if (state.billingAnchor() == null) {
            return Optional.empty();
        }
        var rater = new LineRater(state, account, catalog);
        var bill = new Builder();
        LocalDate billedThrough = state.billedThrough() != null ? state.billedThrough() : state.billingAnchor();
        LocalDate coverageEnd = billedThrough;
        boolean periodic = kind != BillKind.USAGE;
        if (periodic) {
            coverageEnd = coverageEnd(state, catalog, billingDate);
            termedLines(state, rater, coverageEnd, months(state), billingDate, bill);
        }
        for (UsageRecorded usage : state.unbilledUsage()) {
            if (kind == BillKind.USAGE || !usage.usedAt().toLocalDate().isAfter(billingDate)) {
                bill.lines.add(rater.usage(usage));
                bill.usageRecordIds.add(usage.recordId());
            }
        }
        if (periodic) {
            for (OneOffChargeAdded charge : state.unbilledOneOffCharges()) {
                if (!charge.chargedOn().isAfter(billingDate)) {
                    bill.lines.add(rater.oneOff(charge));
                    bill.oneOffChargeIds.add(charge.chargeId());
                }
            }
        }
        boolean periodAdvances = periodic && coverageEnd.isAfter(billedThrough);
        if (bill.lines.isEmpty() && !periodAdvances) {
            return Optional.empty();
        }
        LocalDate newBilledThrough = periodAdvances ? coverageEnd : billedThrough;
        return Optional.of(bill.draft(state, account, catalog, billingDate, kind, rules, billedThrough,
                newBilledThrough));
    }

    /**
     * When the subscription is next due for a RUN bill, or null (a draft; terminated with nothing left to bill).
     * In advance: the start of the first unbilled period (billed through, the anchor at first); in arrears: the end
     * of the period after the billed one. Credits, usage and one-off charges waiting make it due on their date if
     * that is earlier.
     */
    public static LocalDate nextBillingDate(BillingState state, BillingCatalog catalog) {
        LocalDate anchor = state.billingAnchor();
        if (anchor == null) {
            return null;
        }
        LocalDate billedThrough = state.billedThrough() != null ? state.billedThrough() : anchor;
        LocalDate due = null;
        if (state.state() != SubscriptionState.TERMINATED || !state.services().isEmpty()) {
            int months = months(state);
            due = timing(state, catalog) == BillingTiming.IN_ADVANCE ? billedThrough
                    : Proration.boundary(anchor, months, Proration.periodIndex(anchor, months, billedThrough) + 1);
        }
        Stream<LocalDate> pending = Stream.of(
                state.services().stream().filter(ServiceEntry::creditPending).map(ServiceEntry::endsOn),
                state.unbilledUsage().stream().map(usage -> usage.usedAt().toLocalDate()),
                state.unbilledOneOffCharges().stream().map(OneOffChargeAdded::chargedOn),
                boughtAndUnbilled(state)).flatMap(s -> s);
        return Stream.concat(Stream.ofNullable(due), pending).min(Comparator.naturalOrder()).orElse(null);
    }

    /** A period bought in advance and not billed yet is due on the day it was requested. */
    private static Stream<LocalDate> boughtAndUnbilled(BillingState state) {
        LocalDate through = state.stream().unbilledBoughtThrough();
        return through == null ? Stream.empty() : state.stream().boughtPeriods().stream()
                .filter(period -> period.through().equals(through)).map(period -> period.requestedOn());
    }

    /** The end of what termed services are charged up to when billed on {@code billingDate}. */
    private static LocalDate coverageEnd(BillingState state, BillingCatalog catalog, LocalDate billingDate) {
        LocalDate anchor = state.billingAnchor();
        int months = months(state);
        LocalDate end = anchor;
        if (!billingDate.isBefore(anchor)) {
            long j = Proration.periodIndex(anchor, months, billingDate);
            end = Proration.boundary(anchor, months,
                    timing(state, catalog) == BillingTiming.IN_ADVANCE ? j + 1 : j);
        }
        LocalDate bought = state.stream().unbilledBoughtThrough();
        if (bought != null && bought.isAfter(end)) {
            end = bought; // the period bought in advance is billed at once, whatever the billing date
        }
        LocalDate terminatedOn = state.terminatedOn();
        return terminatedOn != null && terminatedOn.isBefore(end) ? terminatedOn : end;
    }

    private static void termedLines(BillingState state, LineRater rater, LocalDate coverageEnd, int months,
                                    LocalDate billingDate, Builder bill) {
        LocalDate anchor = state.billingAnchor();
        for (ServiceEntry entry : state.services()) {
            if (entry.creditPending()) {
                for (var piece : Proration.split(anchor, months, entry.endsOn(), entry.chargedThrough())) {
                    bill.lines.add(rater.credit(entry, piece));
                }
                bill.services.add(new ServiceCharged(entry.productCode(), entry.billableFrom(), entry.endsOn(),
                        entry.lastPeriodAmount()));
                continue;
            }
            if (entry.directive() == BillingDirective.IGNORE || billingDate.isBefore(entry.billingEffectiveDate())) {
                continue;
            }
            LocalDate from = entry.chargedThrough() != null ? entry.chargedThrough() : entry.billableFrom();
            LocalDate to = entry.endsOn() != null && entry.endsOn().isBefore(coverageEnd) ? entry.endsOn()
                    : coverageEnd;
            if (!to.isAfter(from)) {
                continue;
            }
            Money periodAmount = null;
            for (var piece : Proration.split(anchor, months, from, to)) {
                var period = rater.ratePeriod(entry, piece.periodIndex(), piece.periodStart(), months);
                bill.lines.add(rater.recurring(entry, piece, period));
                periodAmount = period.amount();
            }
            bill.services.add(new ServiceCharged(entry.productCode(), entry.billableFrom(), to, periodAmount));
        }
    }

    private static int months(BillingState state) {
        return state.billingTerms().billingFrequency().months();
    }

    private static BillingTiming timing(BillingState state, BillingCatalog catalog) {
        String code = state.billingTerms().billingTermSchemeCode();
        var scheme = catalog.billingTermScheme(code)
                .orElseThrow(() -> LineRater.notFound("billing term scheme " + code + " not found"));
        return scheme.termedServiceTiming() == null ? BillingTiming.IN_ADVANCE : scheme.termedServiceTiming();
    }

    /** The scheme's payment term after the billing date, or the ledger's when the scheme states none. */
    static LocalDate dueDate(BillingState state, BillingCatalog catalog, LocalDate billingDate, BillingRules rules) {
        return catalog.billingTermScheme(state.billingTerms().billingTermSchemeCode())
                .map(scheme -> scheme.dueDate(billingDate, rules.paymentTermDays()))
                .orElse(billingDate.plusDays(rules.paymentTermDays()));
    }

    /** The lines and what they settle, gathered while billing; turned into the draft at the end. */
    private static final class Builder {
        final List<BillLine> lines = new ArrayList<>();
        final List<ServiceCharged> services = new ArrayList<>();
        final List<String> usageRecordIds = new ArrayList<>();
        final List<String> oneOffChargeIds = new ArrayList<>();

        BillDraft draft(BillingState state, BillingAccount account, BillingCatalog catalog, LocalDate billingDate,
                        BillKind kind, BillingRules rules, LocalDate billedThrough, LocalDate newBilledThrough) {
            List<BillLine> numbered = new ArrayList<>();
            for (BillLine line : lines) {
                numbered.add(new BillLine(numbered.size() + 1, line.kind(), line.productCode(), line.description(),
                        line.from(), line.to(), line.quantity(), line.amount(), line.taxAmount(),
                        line.taxRatePercent(), line.reference(), line.explanation()));
            }
            var discounted = DiscountStep.apply(numbered, state, account, catalog, billingDate);
            Money total = Money.zero(account.currency());
            Money taxTotal = Money.zero(account.currency());
            for (BillLine line : discounted.lines()) {
                total = total.plus(line.amount());
                taxTotal = taxTotal.plus(line.taxAmount());
            }
            // a RUN bill spans from where billing stood to the coverage end, widened to any line outside it;
            // a USAGE bill spans its usage dates
            LocalDate periodFrom = kind != BillKind.USAGE ? billedThrough : null;
            LocalDate periodTo = kind != BillKind.USAGE ? newBilledThrough : null;
            for (BillLine line : lines) {
                periodFrom = periodFrom == null || line.from().isBefore(periodFrom) ? line.from() : periodFrom;
                periodTo = periodTo == null || line.to().isAfter(periodTo) ? line.to() : periodTo;
            }
            // the next billing date is the one the state will have once this bill is recorded
            var usageByDay = state.stream().unbilledUsageByDay(usageRecordIds);
            var after = state.copy();
            after.apply(new SubscriptionBilled(state.subscriptionId(), account.accountId(), null, null, null,
                    billingDate, newBilledThrough, null, services, usageRecordIds, oneOffChargeIds, null,
                    usageByDay));
            return new BillDraft(state.subscriptionId(), account.accountId(), kind, billingDate, periodFrom,
                    periodTo, discounted.lines(), total, taxTotal, dueDate(state, catalog, billingDate, rules),
                    newBilledThrough, nextBillingDate(after, catalog), services, usageRecordIds, oneOffChargeIds,
                    discounted.applications(), usageByDay);
        }
    }
}
