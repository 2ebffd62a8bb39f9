package org.subledger.command.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AccountState;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.PaymentRecorded;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.account.Receivables.Allocation;
import org.subledger.kernel.billing.BillPosted;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.billing.BillingFixtures.ACC;
import static org.subledger.command.billing.BillingFixtures.EUR;
import static org.subledger.command.billing.BillingFixtures.eur;

/**
 * A bill posted while the account holds money no debit took yet (a prepayment) is settled from it at once: billing
 * appends the allocations the account's one fold makes of that bill, right after its {@code BillPosted}.
 */
class PrepaymentBillingTest {

    static final LocalDate MARCH_15 = LocalDate.of(2026, 3, 15);
    static final LocalDate APRIL_15 = LocalDate.of(2026, 4, 15);

    @Test
    void aPrepaymentSettlesTheNextBillsAsTheyArePosted() {
        BillingAccount account = AccountFold.of(stream(new PaymentRecorded(ACC, "p0", eur("50.00"), "Prepayment",
                null, eur("-50.00"), null)));

        BillingAccount.Billed march = account.billed("B1", MARCH_15, eur("30.00"));
        BillingAccount.Billed april = march.after().billed("B2", APRIL_15, eur("30.00"));

        assertThat(march.allocations()).containsExactly(new Allocation("B1", eur("30.00"), eur("0.00")));
        assertThat(april.allocations()).containsExactly(new Allocation("B2", eur("20.00"), eur("10.00")));
        assertThat(april.after().balance()).isEqualTo(eur("10.00"));
        // each bill appended a BillPosted and one ReceivableAllocated to the account's stream
        assertThat(april.after().lastSequenceNumber()).isEqualTo(account.lastSequenceNumber() + 4);
        assertThat(april.after().receivables().unallocated()).isEqualTo(eur("0.00"));
        assertThat(april.after().receivables().item("B2").orElseThrow().open()).isEqualTo(eur("10.00"));
    }

    @Test
    void whatBillingAllocatesIsWhatTheAccountsFoldAllocatesOnTheSameBill() {
        var payment = new PaymentRecorded(ACC, "p0", eur("50.00"), "Prepayment", null, eur("-50.00"), null);
        var bill = new BillPosted(ACC, "bill:B1", "B1", "2026-000001", eur("80.00"), eur("0.00"), "Bill",
                eur("30.00"), MARCH_15);
        var state = new AccountState();
        stream(payment, bill).forEach(message -> state.apply(message.getPayload(), message.getSequenceNumber(),
                message.getTimestamp()));

        var billed = AccountFold.of(stream(payment)).billed("B1", MARCH_15, eur("80.00"));

        assertThat(billed.allocations()).isEqualTo(state.lastAllocations())
                .containsExactly(new Allocation("B1", eur("50.00"), eur("30.00")));
        assertThat(billed.after().receivables()).isEqualTo(state.receivables());
    }

    @Test
    void aBillWhoseCreditsExceedItsChargesSettlesTheOldestOpenBill() {
        BillingAccount account = AccountFold.of(stream(new BillPosted(ACC, "bill:B1", "B1", "2026-000001",
                eur("30.00"), eur("0.00"), "Bill", eur("30.00"), MARCH_15)));

        BillingAccount.Billed credit = account.billed("B2", APRIL_15, eur("-12.00"));

        assertThat(credit.allocations()).containsExactly(new Allocation("B1", eur("12.00"), eur("18.00")));
        assertThat(credit.after().balance()).isEqualTo(eur("18.00"));
    }

    private static List<DomainEventMessage<?>> stream(Object... postings) {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        stream.add(new GenericDomainEventMessage<>("Account", ACC, 0, new AccountOpened(ACC, CustomerType.PERSON,
                new PersonDetails("Maria", "Georgiou", null), null, ContactDetails.none(), EUR, eur("100.00"), null,
                "RESIDENTIAL", "agent")));
        for (Object posting : postings) {
            stream.add(new GenericDomainEventMessage<>("Account", ACC, stream.size(), posting));
        }
        return stream;
    }
}
