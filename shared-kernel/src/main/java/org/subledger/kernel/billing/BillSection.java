package org.subledger.kernel.billing;

import org.subledger.kernel.money.Money;

import java.time.LocalDate;

/**
 * The part of a bill that bills one subscription: its lines {@code firstLineNo} to {@code lastLineNo} (inclusive;
 * none when {@code lastLineNo < firstLineNo}, a period that advanced with nothing to charge), the period it covers
 * ({@code periodFrom} inclusive to {@code periodTo} exclusive) and its subtotal with the tax part. A bill per account
 * has a section per subscription billed on it; a bill of one subscription has one.
 */
public record BillSection(String subscriptionId,
                          LocalDate periodFrom,
                          LocalDate periodTo,
                          int firstLineNo,
                          int lastLineNo,
                          Money total,
                          Money taxTotal) {

    /** Whether line {@code lineNo} of the bill belongs to this section. */
    public boolean holds(int lineNo) {
        return lineNo >= firstLineNo && lineNo <= lastLineNo;
    }
}
