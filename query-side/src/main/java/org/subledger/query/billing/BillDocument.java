package org.subledger.query.billing;

import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.query.BillDetails;
import org.subledger.kernel.billing.query.BillSummary;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * What a bill template sees ({@code ${bill}}): the operator and the customer, the bill's number and dates, every line
 * as the bill has it (whatever its kind: charges, credits, usage, discounts), the VAT part, the total, and the balance
 * brought forward (the account's balance before this bill) with the balance after it. Amounts are at the currency's
 * scale, as plain decimals ({@code 1234.50}); periods are shown inclusive ({@code periodTo} is the last day billed).
 */
record BillDocument(BillDocumentProperties.Operator operator,
                    Customer customer,
                    String billId,
                    String billNumber,
                    String kind,
                    LocalDate issuedOn,
                    LocalDate periodFrom,
                    LocalDate periodTo,
                    LocalDate dueDate,
                    String currency,
                    List<Line> lines,
                    String net,
                    String tax,
                    String total,
                    String balanceBroughtForward,
                    String balanceAfter) {

    /**
     * The customer billed; {@code name} is {@code null} while the account's read model has not caught up; the
     * address, in lines, is the subscription's billing address or else the account's (empty if neither is known).
     */
    record Customer(String accountId, String name, String type, List<String> address) {
    }

    /**
     * One bill line: its period (or date, {@code from} equal to {@code to}), quantity, VAT rate and part, amount.
     * {@code section}: on a bill per account (several sections), the heading of the section the line opens (the
     * subscription, its period and subtotal); else null.
     */
    record Line(int lineNo, String kind, String productCode, String description, LocalDate from, LocalDate to,
                long quantity, String taxRatePercent, String tax, String amount, String section) {
    }

    static BillDocument of(BillDetails details, AccountSummary account, List<String> address,
                           BillDocumentProperties.Operator operator, Money balanceBroughtForward) {
        BillSummary bill = details.bill();
        Customer customer = new Customer(bill.accountId(), account == null ? null : account.name(),
                account == null || account.type() == null ? null : account.type().name(), address);
        List<Line> lines = details.lines().stream().map(line -> line(line, heading(details, line.lineNo())))
                .toList();
        return new BillDocument(operator, customer, bill.billId(), bill.billNumber(), bill.kind().name(),
                bill.issuedOn(), bill.periodFrom(), lastDay(bill.periodFrom(), bill.periodTo()), bill.dueDate(),
                bill.total().currency().getCurrencyCode(), lines, plain(bill.total().minus(bill.taxTotal())),
                plain(bill.taxTotal()), plain(bill.total()), plain(balanceBroughtForward),
                plain(balanceBroughtForward.plus(bill.total())));
    }

    private static Line line(BillLine line, String section) {
        return new Line(line.lineNo(), line.kind().name(), line.productCode(), line.description(), line.from(),
                lastDay(line.from(), line.to()), line.quantity(),
                line.taxRatePercent() == null ? null : line.taxRatePercent().stripTrailingZeros().toPlainString(),
                plain(line.taxAmount()), plain(line.amount()), section);
    }

    /** The heading of the section line {@code lineNo} opens, on a bill of several sections. */
    private static String heading(BillDetails details, int lineNo) {
        if (details.sections().size() < 2) {
            return null;
        }
        return details.sections().stream().filter(section -> section.firstLineNo() == lineNo).findFirst()
                .map(section -> "Subscription " + section.subscriptionId() + " (" + section.periodFrom() + " to "
                        + lastDay(section.periodFrom(), section.periodTo()) + "), subtotal "
                        + plain(section.total()))
                .orElse(null);
    }

    /** Periods are stored with an exclusive end; a customer reads the last day billed. */
    private static LocalDate lastDay(LocalDate from, LocalDate to) {
        return from == null || to == null || !to.isAfter(from) ? to : to.minusDays(1);
    }

    /** Money is kept at its currency's scale, so its plain form is what a bill prints. */
    private static String plain(Money money) {
        return money == null ? null : money.amount().toPlainString();
    }
}
