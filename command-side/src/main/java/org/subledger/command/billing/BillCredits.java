package org.subledger.command.billing;

import org.subledger.kernel.account.CreditNotePosted;
import org.subledger.kernel.account.Receivables;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.CreditNoteIssued;
import org.subledger.kernel.billing.IssueCreditNote;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;

import java.math.MathContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bill and the credit notes that correct it, folded from the bill's stream, and the one rule of crediting it: a
 * credit note credits a positive amount in the bill's currency, never more than the bill still has uncredited (its
 * total less its earlier credit notes); its tax part is the bill's share (the last credit note takes what is left of
 * the bill's tax, so the parts add up to the bill's tax to the cent). Pure: no I/O, no clock.
 */
final class BillCredits {

    private BillIssued bill;
    private Money credited;
    private Money taxCredited;
    private final Map<String, CreditNoteIssued> creditNotes = new HashMap<>();

    /** The bill's stream's payloads, oldest first. */
    static BillCredits of(List<?> payloads) {
        BillCredits credits = new BillCredits();
        payloads.forEach(credits::apply);
        return credits;
    }

    private void apply(Object payload) {
        if (payload instanceof BillIssued issued) {
            bill = issued;
            credited = Money.zero(issued.total().currency());
            taxCredited = Money.zero(issued.total().currency());
        } else if (payload instanceof CreditNoteIssued note && bill != null) {
            credited = credited.plus(note.amount());
            taxCredited = taxCredited.plus(note.taxAmount());
            creditNotes.put(note.creditNoteId(), note);
        }
    }

    boolean exists() {
        return bill != null;
    }

    BillIssued bill() {
        return bill;
    }

    /** What credit notes may still credit of the bill. */
    Money uncredited() {
        return bill.total().minus(credited);
    }

    /** The credit note issued under this id before, if any (a repeated request). */
    CreditNoteIssued issued(String creditNoteId) {
        return creditNotes.get(creditNoteId);
    }

    /**
     * The credit note {@code command} asks for, numbered {@code number}, issued {@code on}: or a refusal, and then
     * nothing is recorded.
     */
    CreditNoteIssued decide(IssueCreditNote command, String number, LocalDate on) {
        if (bill == null) {
            throw new LedgerRefusal(ErrorCode.BILL_NOT_FOUND, "No bill " + command.billId());
        }
        Money amount = amount(command);
        if (amount.isGreaterThan(uncredited())) {
            throw new LedgerRefusal(ErrorCode.CREDIT_NOTE_EXCEEDS_BILL, "Bill " + bill.billNumber() + " has "
                    + uncredited() + " left to credit, not " + amount, Map.of("amount",
                    "must be at most " + uncredited().amount().toPlainString()));
        }
        return new CreditNoteIssued(command.creditNoteId(), number, bill.billId(), bill.billNumber(),
                bill.accountId(), on, amount, taxPart(amount), command.reason());
    }

    /** Bad input is refused before the bill is looked at further: a positive amount in the bill's currency. */
    private Money amount(IssueCreditNote command) {
        var currency = bill.total().currency();
        if (command.currency() != null && !command.currency().equals(currency)) {
            throw new LedgerRefusal(ErrorCode.CURRENCY_MISMATCH, "The bill is in " + currency.getCurrencyCode()
                    + ", not " + command.currency().getCurrencyCode(),
                    Map.of("currency", "must be " + currency.getCurrencyCode()));
        }
        if (command.amount() == null) {
            throw invalid("is required");
        }
        var problem = Money.inputProblem(command.amount(), currency, Money.Sign.POSITIVE);
        if (problem.isPresent()) {
            throw invalid(problem.get());
        }
        return Money.of(command.amount(), currency);
    }

    private Money taxPart(Money amount) {
        if (amount.equals(uncredited())) {
            return bill.taxTotal().minus(taxCredited);
        }
        return bill.taxTotal().times(amount.amount().divide(bill.total().amount(), MathContext.DECIMAL64));
    }

    /** The account's posting of the credit note, and what it settles: the corrected bill's open item first. */
    static CreditNotePosted posting(CreditNoteIssued note, BillingAccount account) {
        return new CreditNotePosted(account.accountId(), postingId(note.creditNoteId()), note.creditNoteId(),
                note.creditNoteNumber(), note.billId(), note.amount(), note.taxAmount(),
                "Credit note " + note.creditNoteNumber() + " for bill " + note.billNumber() + ": " + note.reason(),
                account.balance().minus(note.amount()));
    }

    static List<Receivables.Allocation> allocations(CreditNoteIssued note, BillingAccount account) {
        return account.receivables().credit(note.amount(), note.billId()).allocations();
    }

    static String postingId(String creditNoteId) {
        return "credit-note:" + creditNoteId;
    }

    private static LedgerRefusal invalid(String problem) {
        return new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "amount " + problem, Map.of("amount", problem));
    }
}
