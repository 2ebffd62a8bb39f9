package org.subledger.kernel.billing;

import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a bill: what it charges ({@code kind}, product, the period {@code from} inclusive to {@code to}
 * exclusive, or the usage/charge date as both), the quantity rated, the amount (VAT inclusive; negative for credits)
 * and its tax part at the product's tax rate, and the explanation of the amount. {@code reference}: the usage record
 * id or one-off charge id a line bills, else {@code null}.
 */
public record BillLine(int lineNo,
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
}
