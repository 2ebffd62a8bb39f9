package org.subledger.command.billing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillPosted;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A bill issued outside the bill run (a job's, an event charge's): the {@code BillIssued} that opens the bill's stream,
 * its {@code BillPosted} on the account's stream right after what was read of it, and the {@code ReceivableAllocated}
 * events of the account's unallocated money it takes. One statement of how such a bill is written, so a job bill and an
 * event-charge bill cannot drift apart.
 */
record OneOffBill(String billId, String billNumber, BillKind kind, String subscriptionId, String runId,
                  LocalDate issuedOn, LocalDate periodStart, List<BillLine> lines, Money total, Money taxTotal,
                  LocalDate dueDate, String narrative) {

    OneOffBill {
        lines = List.copyOf(lines);
    }

    /** A bill of one day, issued outside any bill run. */
    OneOffBill(String billId, String billNumber, BillKind kind, String subscriptionId, LocalDate issuedOn,
               List<BillLine> lines, Money total, Money taxTotal, LocalDate dueDate, String narrative) {
        this(billId, billNumber, kind, subscriptionId, null, issuedOn, issuedOn, lines, total, taxTotal, dueDate,
                narrative);
    }

    /** The events issuing this bill and posting it to {@code account} (as read, before the bill). */
    List<EventMessage<?>> events(BillingAccount account, MetaData metaData) {
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>(BillWriter.BILL, billId, 0, new BillIssued(billId, billNumber,
                account.accountId(), subscriptionId, runId, kind, issuedOn, periodStart, periodStart.plusDays(1), lines, total,
                taxTotal, dueDate), metaData));
        events.add(new GenericDomainEventMessage<>(BillWriter.ACCOUNT, account.accountId(),
                account.lastSequenceNumber() + 1, new BillPosted(account.accountId(), "bill:" + billId, billId,
                billNumber, total, taxTotal, narrative, account.balance().plus(total), dueDate), metaData));
        events.addAll(BillWriter.allocationEvents(account, billId,
                account.billed(billId, dueDate, total).allocations(), metaData));
        return events;
    }
}
