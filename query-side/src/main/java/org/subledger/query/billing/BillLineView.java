package org.subledger.query.billing;

import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.LineExplanation;

import java.math.BigDecimal;
import org.subledger.kernel.money.Money;
import java.time.LocalDate;

/**
 * One line of a bill: what it charges, for which days ({@code from} inclusive, {@code to} exclusive; a usage or
 * one-off charge has its date as both), the quantity rated, the amount (VAT included, negative for credits) and its
 * VAT part at {@code taxRatePercent}, the usage record or one-off charge it bills ({@code reference}), and how the
 * amount was reached ({@code explanation}).
 */
public record BillLineView(int lineNo,
                           BillLineKind kind,
                           String productCode,
                           String description,
                           LocalDate from,
                           LocalDate to,
                           long quantity,
                           Money amount,
                           Money taxAmount,
                           BigDecimal taxRatePercent,
                           String reference,
                           LineExplanation explanation) {

    static BillLineView of(BillLine line) {
        return new BillLineView(line.lineNo(), line.kind(), line.productCode(), line.description(), line.from(),
                line.to(), line.quantity(), line.amount(), line.taxAmount(),
                line.taxRatePercent(), line.reference(),
                line.explanation());
    }
}
