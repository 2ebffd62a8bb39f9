package org.subledger.projection.account;

import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.account.AdjustmentPosted;
import org.subledger.kernel.account.ChargePosted;
import org.subledger.kernel.account.CreditPosted;
import org.subledger.kernel.account.PaymentRecorded;

/** The kind of a posting as the read models store it ({@code entry_type}, {@code last_movement_type}). */
enum EntryType {
    CHARGE,
    CREDIT,
    PAYMENT,
    ADJUSTMENT;

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
        throw new IllegalArgumentException("unknown kind of posting: " + posting.getClass().getName());
    }
}
