package org.subledger.command.billing;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.account.CreditNotePosted;
import org.subledger.kernel.account.OpenItem;
import org.subledger.kernel.account.Receivables;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.CreditNoteIssued;
import org.subledger.kernel.billing.IssueCreditNote;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Given a bill's stream, when a credit note is asked for, then the credit note issued (or the refusal). */
class BillCreditsTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final LocalDate ISSUED = LocalDate.of(2026, 3, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    /** 119.00 with 19.00 VAT (19 %). */
    static final BillIssued BILL = new BillIssued("bill-1", "2026-000007", "acc-1", "sub-1", null,
            BillKind.EVENT_CHARGE, ISSUED, ISSUED, ISSUED.plusDays(1), List.of(), eur("119.00"), eur("19.00"),
            ISSUED.plusDays(14));

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static IssueCreditNote credit(String id, String amount) {
        return new IssueCreditNote(id, "bill-1", new BigDecimal(amount), null, "Installation was late");
    }

    static CreditNoteIssued issued(String id, String number, String amount, String tax) {
        return new CreditNoteIssued(id, number, "bill-1", "2026-000007", "acc-1", TODAY, eur(amount), eur(tax),
                "Installation was late");
    }

    static LedgerRefusal refusal(BillCredits given, IssueCreditNote when) {
        try {
            given.decide(when, "CN-2026-000099", TODAY);
        } catch (LedgerRefusal refused) {
            return refused;
        }
        throw new AssertionError("expected a refusal");
    }

    @Nested
    class GivenABillWithoutCreditNotes {
        final BillCredits bill = BillCredits.of(List.of(BILL));

        @Test
        void aCreditForPartOfTheBillIsANumberedCreditNoteNamingTheBillWithItsShareOfTheTax() {
            assertThat(bill.decide(credit("cn-1", "59.50"), "CN-2026-000001", TODAY))
                    .isEqualTo(issued("cn-1", "CN-2026-000001", "59.50", "9.50"));
        }

        @Test
        void theWholeBillMayBeCredited() {
            assertThat(bill.decide(credit("cn-1", "119.00"), "CN-2026-000001", TODAY))
                    .isEqualTo(issued("cn-1", "CN-2026-000001", "119.00", "19.00"));
        }

        @Test
        void moreThanTheBillIsRefused() {
            LedgerRefusal refused = refusal(bill, credit("cn-1", "119.01"));
            assertThat(refused.code()).isEqualTo(ErrorCode.CREDIT_NOTE_EXCEEDS_BILL);
            assertThat(refused.fields()).isEqualTo(Map.of("amount", "must be at most 119.00"));
        }

        @Test
        void aZeroOrNegativeAmountIsInvalid() {
            assertThat(refusal(bill, credit("cn-1", "0")).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(refusal(bill, credit("cn-1", "-5.00")).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        }

        @Test
        void anAmountFinerThanTheCurrencyIsInvalid() {
            assertThat(refusal(bill, credit("cn-1", "1.005")).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        }

        @Test
        void anotherCurrencyThanTheBillsIsRefused() {
            var inDollars = new IssueCreditNote("cn-1", "bill-1", new BigDecimal("10.00"),
                    Currency.getInstance("USD"), "wrong");
            assertThat(refusal(bill, inDollars).code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH);
        }
    }

    @Nested
    class GivenABillPartlyCredited {
        final BillCredits bill = BillCredits.of(List.of(BILL, issued("cn-1", "CN-2026-000001", "39.67", "6.33")));

        @Test
        void onlyWhatIsLeftUncreditedMayBeCredited() {
            assertThat(bill.uncredited()).isEqualTo(eur("79.33"));
            assertThat(refusal(bill, credit("cn-2", "79.34")).code()).isEqualTo(ErrorCode.CREDIT_NOTE_EXCEEDS_BILL);
        }

        @Test
        void theLastCreditNoteTakesWhatIsLeftOfTheTaxSoThePartsAddUpToTheBillsTax() {
            assertThat(bill.decide(credit("cn-2", "79.33"), "CN-2026-000002", TODAY))
                    .isEqualTo(issued("cn-2", "CN-2026-000002", "79.33", "12.67"));
        }

        @Test
        void aCreditNoteAskedForAgainIsTheOneIssued() {
            assertThat(bill.issued("cn-1")).isEqualTo(issued("cn-1", "CN-2026-000001", "39.67", "6.33"));
            assertThat(bill.issued("cn-2")).isNull();
        }
    }

    @Test
    void noBillIsNotFound() {
        assertThat(refusal(BillCredits.of(List.of()), credit("cn-1", "1.00")).code())
                .isEqualTo(ErrorCode.BILL_NOT_FOUND);
    }

    @Nested
    class ThePostingOfACreditNote {
        final CreditNoteIssued note = issued("cn-1", "CN-2026-000001", "50.00", "7.98");
        /** An older bill of 30.00 is open, and the corrected bill of 119.00. */
        final BillingAccount account = new BillingAccount("acc-1", EUR, eur("149.00"), Map.of(), false, 5,
                new Receivables(List.of(new OpenItem("bill-0", ISSUED.minusMonths(1), eur("30.00")),
                        new OpenItem("bill-1", ISSUED.plusDays(14), eur("119.00"))), eur("0.00")));

        @Test
        void creditsTheAccountAndNamesTheCreditNoteAndTheBill() {
            assertThat(BillCredits.posting(note, account)).isEqualTo(new CreditNotePosted("acc-1",
                    "credit-note:cn-1", "cn-1", "CN-2026-000001", "bill-1", eur("50.00"), eur("7.98"),
                    "Credit note CN-2026-000001 for bill 2026-000007: Installation was late", eur("99.00")));
        }

        @Test
        void settlesTheCorrectedBillFirstThoughAnOlderBillIsOpen() {
            assertThat(BillCredits.allocations(note, account))
                    .containsExactly(new Receivables.Allocation("bill-1", eur("50.00"), eur("69.00")));
        }

        @Test
        void theAccountsFoldSettlesTheSameBill() {
            var change = account.receivables().post(BillCredits.posting(note, account), ISSUED.atStartOfDay()
                    .toInstant(java.time.ZoneOffset.UTC));
            assertThat(change.allocations()).isEqualTo(BillCredits.allocations(note, account));
        }
    }
}
