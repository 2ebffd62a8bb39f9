package org.subledger.kernel.account;

import org.subledger.kernel.money.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * What of each section of a bill is still owed, when the bill (an open item) has {@code open} of its total left: the
 * one statement of how money settling a bill is spread over its sections, so a subscription's unpaid amount ("what
 * its own bills leave unpaid") is exact whenever the bill's open amount is, at any instant.
 *
 * <p>The rule: <b>the sections are settled in section order</b> (the bill's line order, subscription id order on a
 * run's bill), each whole before the next. A section whose subtotal is zero or negative owes nothing; what a negative
 * one credits settles the sections before any payment does, in the same order. So the settled part of the bill, plus
 * what its negative sections credit, is walked over the positive sections from the first; the open parts add up to
 * {@code open} exactly, cent for cent, and no rounding happens (amounts are only subtracted).
 *
 * <p>Pure: it records nothing. The allocations the ledger records ({@link ReceivableAllocated}) settle whole bills
 * (items); this rule splits what they leave open over the sections.
 */
public final class SectionsOpen {

    private SectionsOpen() {
    }

    /**
     * The open part of each section, in the order of {@code subtotals} (the sections' signed subtotals, in section
     * order), when {@code open} of the bill is unpaid. {@code open} is clamped to between nothing and the bill's
     * total.
     */
    public static List<Money> of(List<Money> subtotals, Money open) {
        Money zero = Money.zero(open.currency());
        Money owedBySections = zero;
        Money credited = zero;
        for (Money subtotal : subtotals) {
            if (subtotal.isPositive()) {
                owedBySections = owedBySections.plus(subtotal);
            } else {
                credited = credited.minus(subtotal);
            }
        }
        Money total = owedBySections.minus(credited);
        Money left = open.isNegative() ? zero : open.isGreaterThan(total) ? total : open;
        // what of the positive sections is settled: the bill's settled part plus the negative sections' credit
        Money settled = owedBySections.minus(left);
        List<Money> opens = new ArrayList<>(subtotals.size());
        for (Money subtotal : subtotals) {
            if (!subtotal.isPositive()) {
                opens.add(zero);
                continue;
            }
            Money taken = settled.isGreaterThan(subtotal) ? subtotal : settled.isNegative() ? zero : settled;
            opens.add(subtotal.minus(taken));
            settled = settled.minus(taken);
        }
        return opens;
    }
}
