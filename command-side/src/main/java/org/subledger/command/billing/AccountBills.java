package org.subledger.command.billing;

import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillSection;
import org.subledger.kernel.billing.LineExplanation;
import org.subledger.kernel.catalog.BillPer;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Puts the drafts of a billing date onto bills: the RUN drafts of an account whose schemes bill per account
 * ({@link BillPer#ACCOUNT}) become one bill with a section per subscription, in the order given (subscription id
 * order in a run); every other draft is a bill of its own. Pure, like the calculator: each subscription's draft is
 * worked out alone (its periods, proration, discounts — counted per subscription and billing period), and the bill
 * only numbers its lines on, so a section reads exactly as the subscription's own bill would.
 *
 * <p>Usage bills (threshold, prepaid usage), buy-in-advance bills and bills settled from a wallet stay one per
 * subscription: they are issued for one subscription at a time, outside any run, or are paid one by one from the
 * wallet.
 */
final class AccountBills {

    private AccountBills() {
    }

    /** One bill to issue: its drafts (one per section) and everything its {@code BillIssued} records. */
    record Bill(List<BillDraft> drafts, List<BillLine> lines, List<BillSection> sections, Money total,
                Money taxTotal, LocalDate periodFrom, LocalDate periodTo, LocalDate dueDate) {

        BillDraft first() {
            return drafts.get(0);
        }

        String accountId() {
            return first().accountId();
        }

        BillKind kind() {
            return first().kind();
        }

        /** The subscription it bills if only one, else null (each section names its own). */
        String subscriptionId() {
            return drafts.size() == 1 ? first().subscriptionId() : null;
        }

        /** The discount applications of section {@code i}, naming the lines by their number on this bill. */
        List<DiscountApplied> discounts(int i) {
            int offset = sections.get(i).firstLineNo() - 1;
            return drafts.get(i).discounts().stream().map(applied -> new DiscountApplied(applied.subscriptionId(),
                    applied.discountId(), applied.definitionCode(), applied.billId(), applied.periodStart(),
                    applied.periodEnd(), applied.amount(), applied.applicationNumber(),
                    shifted(applied.lines(), offset), applied.criteria(), applied.action())).toList();
        }
    }

    /**
     * The bills of {@code drafts}: those {@code perAccount} says may share a bill are put together by account (in
     * the order of each account's first draft), the others one each.
     */
    static List<Bill> of(List<BillDraft> drafts, Predicate<BillDraft> perAccount) {
        Map<String, List<BillDraft>> groups = new LinkedHashMap<>();
        for (BillDraft draft : drafts) {
            String key = draft.kind() == BillKind.RUN && perAccount.test(draft) ? "account|" + draft.accountId()
                    : "subscription|" + draft.subscriptionId() + "|" + groups.size();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(draft);
        }
        return groups.values().stream().map(AccountBills::bill).toList();
    }

    /** One bill of the drafts (of one account), a section each, lines numbered on across the sections. */
    static Bill bill(List<BillDraft> drafts) {
        List<BillLine> lines = new ArrayList<>();
        List<BillSection> sections = new ArrayList<>();
        Money total = Money.zero(drafts.get(0).total().currency());
        Money taxTotal = total;
        LocalDate periodFrom = null;
        LocalDate periodTo = null;
        LocalDate dueDate = null;
        for (BillDraft draft : drafts) {
            if (!draft.accountId().equals(drafts.get(0).accountId())) {
                throw new IllegalArgumentException("one bill bills one account");
            }
            int offset = lines.size();
            draft.lines().forEach(line -> lines.add(shifted(line, offset)));
            sections.add(new BillSection(draft.subscriptionId(), draft.periodFrom(), draft.periodTo(), offset + 1,
                    lines.size(), draft.total(), draft.taxTotal()));
            total = total.plus(draft.total());
            taxTotal = taxTotal.plus(draft.taxTotal());
            periodFrom = earliest(periodFrom, draft.periodFrom());
            periodTo = periodTo == null || (draft.periodTo() != null && draft.periodTo().isAfter(periodTo))
                    ? draft.periodTo() : periodTo;
            // the earliest payment term of the schemes on the bill: one bill has one due date, and none of its
            // subscriptions is given longer to pay than its own scheme says
            dueDate = earliest(dueDate, draft.dueDate());
        }
        return new Bill(List.copyOf(drafts), lines, sections, total, taxTotal, periodFrom, periodTo, dueDate);
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    private static BillLine shifted(BillLine line, int offset) {
        if (offset == 0) {
            return line;
        }
        LineExplanation e = line.explanation();
        LineExplanation explanation = e == null || line.kind() != org.subledger.kernel.billing.BillLineKind.DISCOUNT
                ? e : new LineExplanation(e.pricePlanCode(), e.rateModel(), e.tierBasis(), e.units(), e.tiers(),
                e.periodAmount(), e.daysCharged(), e.daysInPeriod(), e.maturityPeriod(), e.concurrentUsage(),
                e.directive(), e.discounts().stream().map(fact -> shiftedFact(fact, offset)).toList());
        return new BillLine(line.lineNo() + offset, line.kind(), line.productCode(), line.description(), line.from(),
                line.to(), line.quantity(), line.amount(), line.taxAmount(), line.taxRatePercent(), line.reference(),
                explanation);
    }

    /** A discount line's "lines 1 TV-BASIC, 2 HD" fact, with the numbers of this bill. */
    private static String shiftedFact(String fact, int offset) {
        if (!fact.startsWith("lines ") || fact.equals("lines ")) {
            return fact;
        }
        return "lines " + String.join(", ", shifted(List.of(fact.substring("lines ".length()).split(", ")), offset));
    }

    /** Line references {@code "<line no> <product code>"} numbered on by {@code offset}. */
    private static List<String> shifted(List<String> references, int offset) {
        if (offset == 0) {
            return references;
        }
        return references.stream().map(reference -> {
            int space = reference.indexOf(' ');
            String number = space < 0 ? reference : reference.substring(0, space);
            try {
                return (Integer.parseInt(number) + offset) + (space < 0 ? "" : reference.substring(space));
            } catch (NumberFormatException notALineNumber) {
                return reference;
            }
        }).toList();
    }
}
