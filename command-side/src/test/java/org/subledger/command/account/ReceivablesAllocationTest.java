package org.subledger.command.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.account.AccountState;
import org.subledger.kernel.account.AdjustmentDirection;
import org.subledger.kernel.account.AdjustmentPosted;
import org.subledger.kernel.account.CreditPosted;
import org.subledger.kernel.account.PaymentRecorded;
import org.subledger.kernel.account.PostAdjustment;
import org.subledger.kernel.account.PostCredit;
import org.subledger.kernel.account.ReceivableAllocated;
import org.subledger.kernel.account.Receivables;
import org.subledger.kernel.account.RecordPayment;
import org.subledger.kernel.billing.BillPosted;
import org.subledger.kernel.error.ErrorCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.account.AccountTest.EUR;
import static org.subledger.command.account.AccountTest.ID;
import static org.subledger.command.account.AccountTest.amount;
import static org.subledger.command.account.AccountTest.eur;
import static org.subledger.command.account.AccountTest.opened;
import static org.subledger.command.account.AccountTest.postingIdsOfTheStream;
import static org.subledger.command.account.AccountTest.refusal;

/**
 * Payments and credits settle open items: the bill a payment names first, else the oldest due first; what is left
 * waits as unallocated money and settles the next bill posted. Each settlement is a {@code ReceivableAllocated} in the
 * posting's unit of work.
 */
class ReceivablesAllocationTest {

    static final LocalDate MARCH_15 = LocalDate.of(2026, 3, 15);
    static final LocalDate APRIL_15 = LocalDate.of(2026, 4, 15);

    FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource((AccountSubscriptions) accountId -> List.of());
        fixture.registerInjectableResource(postingIdsOfTheStream(fixture));
    }

    static BillPosted bill(String billId, String total, String balanceAfter, LocalDate dueDate) {
        return new BillPosted(ID, "bill:" + billId, billId, "2026-" + billId, eur(total), eur("0.00"),
                "Bill " + billId, eur(balanceAfter), dueDate);
    }

    static ReceivableAllocated allocated(String postingId, String itemId, String amount, String openAfter) {
        return new ReceivableAllocated(ID, postingId, itemId, eur(amount), eur(openAfter));
    }

    @Test
    void aPaymentSettlesTheOldestBillFirst() {
        fixture.given(opened(), bill("B2", "20.00", "20.00", APRIL_15), bill("B1", "30.00", "50.00", MARCH_15))
                .when(new RecordPayment(ID, "p1", amount("30.00"), EUR, "Bank transfer", "TX-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PaymentRecorded(ID, "p1", eur("30.00"), "Bank transfer", "TX-1", eur("20.00"), null),
                        allocated("p1", "B1", "30.00", "0.00"));
    }

    @Test
    void aPaymentLargerThanTheOldestBillGoesOnToTheNext() {
        fixture.given(opened(), bill("B1", "30.00", "30.00", MARCH_15), bill("B2", "20.00", "50.00", APRIL_15))
                .when(new RecordPayment(ID, "p1", amount("40.00"), EUR, "Bank transfer", null))
                .expectEvents(new PaymentRecorded(ID, "p1", eur("40.00"), "Bank transfer", null, eur("10.00"), null),
                        allocated("p1", "B1", "30.00", "0.00"), allocated("p1", "B2", "10.00", "10.00"));
    }

    @Test
    void aPartPaymentLeavesTheRestOfTheBillOpen() {
        fixture.given(opened(), bill("B1", "30.00", "30.00", MARCH_15))
                .when(new RecordPayment(ID, "p1", amount("12.50"), EUR, "Cash", null))
                .expectEvents(new PaymentRecorded(ID, "p1", eur("12.50"), "Cash", null, eur("17.50"), null),
                        allocated("p1", "B1", "12.50", "17.50"));
    }

    @Test
    void aPaymentNamingABillSettlesThatBillFirst() {
        fixture.given(opened(), bill("B1", "30.00", "30.00", MARCH_15), bill("B2", "20.00", "50.00", APRIL_15))
                .when(new RecordPayment(ID, "p1", amount("25.00"), EUR, "Bank transfer", null, "B2"))
                .expectEvents(new PaymentRecorded(ID, "p1", eur("25.00"), "Bank transfer", null, eur("25.00"), "B2"),
                        allocated("p1", "B2", "20.00", "0.00"), allocated("p1", "B1", "5.00", "25.00"));
    }

    /**
     * A bill per account (TV 30.00 and broadband 12.34 on one bill of 42.34): the payment is allocated to the bill,
     * and what it leaves open is spread over the sections in section order ({@code SectionsOpen}): the TV section
     * paid, broadband owing 12.34 (and a second payment of 5.00, below, leaves broadband owing 7.34). Cents exact.
     */
    @Test
    void aPaymentOfABillPerAccountIsAllocatedToTheBillAndSpreadOverItsSectionsInOrder() {
        List<org.subledger.kernel.money.Money> sections = List.of(eur("30.00"), eur("12.34"));
        fixture.given(opened(), bill("B1", "42.34", "42.34", MARCH_15))
                .when(new RecordPayment(ID, "p1", amount("30.00"), EUR, "Bank transfer", null, "B1"))
                .expectEvents(new PaymentRecorded(ID, "p1", eur("30.00"), "Bank transfer", null, eur("12.34"), "B1"),
                        allocated("p1", "B1", "30.00", "12.34"));
        // what the recorded allocation leaves open of the bill, spread over its sections
        assertThat(org.subledger.kernel.account.SectionsOpen.of(sections, eur("12.34")))
                .containsExactly(eur("0.00"), eur("12.34"));
    }

    @Test
    void aSecondPaymentOfABillPerAccountSettlesItsNextSection() {
        List<org.subledger.kernel.money.Money> sections = List.of(eur("30.00"), eur("12.34"));
        fixture.given(opened(), bill("B1", "42.34", "42.34", MARCH_15),
                        new PaymentRecorded(ID, "p1", eur("30.00"), "Bank transfer", null, eur("12.34"), "B1"),
                        allocated("p1", "B1", "30.00", "12.34"))
                .when(new RecordPayment(ID, "p2", amount("5.00"), EUR, "Cash", null))
                .expectEvents(new PaymentRecorded(ID, "p2", eur("5.00"), "Cash", null, eur("7.34"), null),
                        allocated("p2", "B1", "5.00", "7.34"));
        assertThat(org.subledger.kernel.account.SectionsOpen.of(sections, eur("7.34")))
                .containsExactly(eur("0.00"), eur("7.34"));
    }

    @Test
    void refusesAPaymentNamingABillSettledAlreadyAndRecordsNothing() {
        fixture.given(opened(), bill("B1", "30.00", "30.00", MARCH_15),
                        new PaymentRecorded(ID, "p0", eur("30.00"), "Cash", null, eur("0.00"), null),
                        allocated("p0", "B1", "30.00", "0.00"))
                .when(new RecordPayment(ID, "p1", amount("10.00"), EUR, "Cash", null, "B1"))
                .expectException(refusal(ErrorCode.BILL_NOT_OPEN))
                .expectNoEvents();
    }

    @Test
    void refusesAPaymentNamingAnUnknownBill() {
        fixture.given(opened(), bill("B1", "30.00", "30.00", MARCH_15))
                .when(new RecordPayment(ID, "p1", amount("10.00"), EUR, "Cash", null, "NO-SUCH-BILL"))
                .expectException(refusal(ErrorCode.BILL_NOT_OPEN))
                .expectNoEvents();
    }

    @Test
    void aCreditSettlesTheOldestBill() {
        fixture.given(opened(), bill("B1", "30.00", "30.00", MARCH_15))
                .when(new PostCredit(ID, "c1", amount("5.00"), EUR, "Goodwill", null))
                .expectEvents(new CreditPosted(ID, "c1", eur("5.00"), "Goodwill", null, eur("25.00")),
                        allocated("c1", "B1", "5.00", "25.00"));
    }

    @Test
    void aCreditAdjustmentSettlesAndADebitAdjustmentOpensAnItemDueAtOnce() {
        fixture.given(opened(), new AdjustmentPosted(ID, "a1", eur("8.00"), AdjustmentDirection.DEBIT, "late fee",
                        eur("8.00")))
                .when(new PostAdjustment(ID, "a2", amount("3.00"), EUR, AdjustmentDirection.CREDIT, "correction"))
                .expectEvents(new AdjustmentPosted(ID, "a2", eur("3.00"), AdjustmentDirection.CREDIT, "correction",
                        eur("5.00")), allocated("a2", "a1", "3.00", "5.00"));
    }

    @Test
    void aPaymentWithNothingOpenIsUnallocatedMoneyThatSettlesTheNextBill() {
        fixture.given(opened(), new PaymentRecorded(ID, "p0", eur("50.00"), "Prepayment", null, eur("-50.00"), null))
                .when(new RecordPayment(ID, "p1", amount("10.00"), EUR, "More", null))
                .expectEvents(new PaymentRecorded(ID, "p1", eur("10.00"), "More", null, eur("-60.00"), null));
        // the bill is appended by billing, which asks the same fold what the prepayment settles
        var state = new AccountState();
        state.apply(opened(), 0, Instant.EPOCH);
        state.apply(new PaymentRecorded(ID, "p0", eur("50.00"), "Prepayment", null, eur("-50.00"), null), 1,
                Instant.EPOCH);
        state.apply(bill("B1", "30.00", "-20.00", MARCH_15), 2, Instant.EPOCH);
        assertThat(state.lastAllocations()).containsExactly(
                new Receivables.Allocation("B1", eur("30.00"), eur("0.00")));
        assertThat(state.receivables().unallocated()).isEqualTo(eur("20.00"));
    }

    @Test
    void aBillPostedWhileMoneyIsUnallocatedLeavesOnlyTheRestOpen() {
        // the prepayment settled B1 in full and 20.00 of B2; the payment after it has only B2's rest to settle
        fixture.given(opened(),
                        new PaymentRecorded(ID, "p0", eur("50.00"), "Prepayment", null, eur("-50.00"), null),
                        bill("B1", "30.00", "-20.00", MARCH_15), allocated("bill:B1", "B1", "30.00", "0.00"),
                        bill("B2", "30.00", "10.00", APRIL_15), allocated("bill:B2", "B2", "20.00", "10.00"))
                .when(new RecordPayment(ID, "p1", amount("10.00"), EUR, "Rest", null))
                .expectEvents(new PaymentRecorded(ID, "p1", eur("10.00"), "Rest", null, eur("0.00"), null),
                        allocated("p1", "B2", "10.00", "0.00"));
    }
}
