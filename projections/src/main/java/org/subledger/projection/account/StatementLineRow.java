package org.subledger.projection.account;

import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.account.ChargePosted;
import org.subledger.kernel.account.CreditNotePosted;
import org.subledger.kernel.account.CreditPosted;
import org.subledger.kernel.account.PaymentRecorded;
import org.subledger.kernel.billing.BillPosted;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code account_statement_line}, taken from a posting event. */
record StatementLineRow(String accountId,
                        long sequenceNumber,
                        String postingId,
                        EntryType entryType,
                        Instant postedAt,
                        String narrative,
                        String reference,
                        BigDecimal amount,
                        BigDecimal balanceEffect,
                        BigDecimal runningBalance,
                        String currency) {

    static StatementLineRow of(AccountPosting posting, long sequenceNumber, Instant postedAt) {
        return new StatementLineRow(posting.accountId(),
                sequenceNumber,
                posting.postingId(),
                EntryType.of(posting),
                postedAt,
                posting.narrative(),
                referenceOf(posting),
                posting.amount().amount(),
                posting.balanceEffect().amount(),
                posting.balanceAfter().amount(),
                posting.amount().currency().getCurrencyCode());
    }

    /**
     * A bill and a credit note are referred to by their numbers; adjustments carry a reason (the narrative) but no
     * client reference.
     */
    private static String referenceOf(AccountPosting posting) {
        if (posting instanceof ChargePosted charge) {
            return charge.reference();
        }
        if (posting instanceof CreditPosted credit) {
            return credit.reference();
        }
        if (posting instanceof PaymentRecorded payment) {
            return payment.reference();
        }
        if (posting instanceof BillPosted bill) {
            return bill.billNumber();
        }
        if (posting instanceof CreditNotePosted creditNote) {
            return creditNote.creditNoteNumber();
        }
        return null;
    }
}
