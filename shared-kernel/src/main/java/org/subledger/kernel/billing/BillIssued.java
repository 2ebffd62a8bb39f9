package org.subledger.kernel.billing;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A bill was issued (the first event of a bill's stream, aggregate id {@code billId}): its number (gapless and in
 * order within {@code issuedOn}'s year, e.g. 2026-000042), the account and subscription billed, the bill run it
 * belongs to ({@code null} for a usage bill), the period it covers ({@code periodFrom} inclusive to {@code periodTo}
 * exclusive), its lines, total and tax part (VAT included in the total), and the due date. Posted to the account in
 * the same transaction ({@code BillPosted}).
 */
@Revision("1")
public record BillIssued(String billId,
                         String billNumber,
                         String accountId,
                         String subscriptionId,
                         String runId,
                         BillKind kind,
                         LocalDate issuedOn,
                         LocalDate periodFrom,
                         LocalDate periodTo,
                         List<BillLine> lines,
                         Money total,
                         Money taxTotal,
                         LocalDate dueDate) implements DomainEvent {
    public BillIssued {
        lines = List.copyOf(lines == null ? List.of() : lines);
    }
}
