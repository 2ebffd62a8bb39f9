package org.subledger.query.billing;

import org.subledger.kernel.billing.BillSection;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a bill that bills one subscription: the period, the numbers of its lines (of the bill's
 * {@code lines}) and its subtotal with the tax part.
 */
public record BillSectionView(String subscriptionId,
                              LocalDate periodFrom,
                              LocalDate periodTo,
                              List<Integer> lineNos,
                              Money subtotal,
                              Money taxSubtotal) {

    static BillSectionView of(BillSection section) {
        List<Integer> lineNos = new ArrayList<>();
        for (int lineNo = section.firstLineNo(); lineNo <= section.lastLineNo(); lineNo++) {
            lineNos.add(lineNo);
        }
        return new BillSectionView(section.subscriptionId(), section.periodFrom(), section.periodTo(),
                List.copyOf(lineNos), section.total(), section.taxTotal());
    }
}
