package org.subledger.projection.account;

import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.account.AdjustmentPosted;
import org.subledger.kernel.account.ChargePosted;
import org.subledger.kernel.account.CreditNotePosted;
import org.subledger.kernel.account.CreditPosted;
import org.subledger.kernel.account.PaymentRecorded;
import org.subledger.kernel.billing.BillPosted;

/**
 * The kind of a posting as the read models store it ({@code entry_type}, {@code last_movement_type}). A BILL adds
 * its total to what the customer owes, or takes from it when its credits exceed its charges (negative total).
 */
enum EntryType {
    CHARGE,
    CREDIT,
    PAYMENT,
    ADJUSTMENT,
    BILL,
    /** A credit note for a bill: a credit that names the bill it corrects. */
    CREDIT_NOTE;

    static EntryType of(AccountPosting posting) {
        if (posting instanceof ChargePosted) {
            return CHARGE;
        }
        if (posting instanceof CreditPosted) {
            return CREDIT;
        }
        if (posting instanceof PaymentRecorded) {
            return PAYMENT;
        }
        if (posting instanceof AdjustmentPosted) {
            return ADJUSTMENT;
        }
        if (posting instanceof BillPosted) {
            return BILL;
        }
        if (posting instanceof CreditNotePosted) {
            return CREDIT_NOTE;
        }
        throw new IllegalArgumentException("unknown kind of posting: " + posting.getClass().getName());
    }
}
