package org.subledger.query.account;

import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AdjustmentDirection;
import org.subledger.kernel.account.AdjustmentPosted;
import org.subledger.kernel.account.ChargePosted;
import org.subledger.kernel.account.CompanyDetails;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.PaymentRecorded;
import org.subledger.kernel.billing.BillPosted;
import org.subledger.kernel.money.Money;

import java.util.Currency;

/** Account events as the command side records them, for the query side's tests. */
final class AccountEvents {

    private AccountEvents() {
    }

    static AccountOpened opened(String accountId) {
        return new AccountOpened(accountId, CustomerType.COMPANY, null,
                new CompanyDetails("Acme Ltd", "REG-1", "VAT-1"), ContactDetails.none(), Currency.getInstance("EUR"),
                eur("1000.00"), "AA", "CORPORATE", "agent");
    }

    static ChargePosted charged(String accountId, String postingId, String amount, String balanceAfter) {
        return new ChargePosted(accountId, postingId, eur(amount), "Monthly fee", "INV-" + postingId,
                eur(balanceAfter));
    }

    static PaymentRecorded paid(String accountId, String postingId, String amount, String balanceAfter) {
        return new PaymentRecorded(accountId, postingId, eur(amount), "Bank transfer", "PAY-" + postingId,
                eur(balanceAfter), null);
    }

    static AdjustmentPosted adjusted(String accountId, String postingId, AdjustmentDirection direction,
                                     String amount, String balanceAfter) {
        return new AdjustmentPosted(accountId, postingId, eur(amount), direction, "Rounding correction",
                eur(balanceAfter));
    }

    /** A bill of {@code total} (negative when its credits exceed its charges) posted to the account. */
    static BillPosted billPosted(String accountId, String billNumber, String total, String balanceAfter) {
        return new BillPosted(accountId, "bill:B-" + billNumber, "B-" + billNumber, billNumber, eur(total),
                eur("0.00"), "Bill " + billNumber, eur(balanceAfter),
                java.time.LocalDate.of(2026, 3, 15));
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
